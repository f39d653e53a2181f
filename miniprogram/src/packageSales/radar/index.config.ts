export default definePageConfig({ navigationBarTitleText: '阅读雷达', enablePullDownRefresh: true });
