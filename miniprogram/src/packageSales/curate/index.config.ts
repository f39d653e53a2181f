export default definePageConfig({ navigationBarTitleText: '我的货架', enablePullDownRefresh: true });
