export default definePageConfig({ navigationBarTitleText: '名片', enablePullDownRefresh: true, enableShareAppMessage: true });
