export default definePageConfig({ navigationBarTitleText: '待办队列', enablePullDownRefresh: true });
