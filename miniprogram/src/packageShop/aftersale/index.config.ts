export default definePageConfig({ navigationBarTitleText: '售后', enablePullDownRefresh: true });
