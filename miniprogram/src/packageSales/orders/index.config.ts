export default definePageConfig({ navigationBarTitleText: '客户订单', enablePullDownRefresh: true });
