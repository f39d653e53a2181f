export default defineAppConfig({
  pages: ['pages/shelf/index', 'pages/orders/index', 'pages/me/index', 'pages/landing/index'],
  subPackages: [
    { root: 'packageShop', pages: ['product/index', 'checkout/index', 'team/index', 'coupons/index', 'order/index'] },
    { root: 'packageSales', pages: ['workbench/index', 'curate/index', 'customers/index', 'orders/index', 'ledger/index', 'leaderboard/index'] },
    { root: 'packageBoss', pages: ['dashboard/index'] },
  ],
  preloadRule: {
    'pages/shelf/index': { network: 'all', packages: ['packageShop'] },
    'pages/landing/index': { network: 'all', packages: ['packageShop'] },
  },
  window: {
    navigationBarTitleText: 'LinkShelf',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#7a7e83',
    selectedColor: '#07c160',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/shelf/index', text: '货架' },
      { pagePath: 'pages/orders/index', text: '订单' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  cloud: true,
});
