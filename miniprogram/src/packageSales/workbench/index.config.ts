export default definePageConfig({ navigationBarTitleText: '销售工作台', enablePullDownRefresh: true, enableShareAppMessage: true });
