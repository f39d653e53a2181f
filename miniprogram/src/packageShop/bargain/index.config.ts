export default definePageConfig({ navigationBarTitleText: '砍价', enablePullDownRefresh: true, enableShareAppMessage: true });
