export default definePageConfig({ navigationBarTitleText: '培训报表', enablePullDownRefresh: true });
