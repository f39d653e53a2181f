export default definePageConfig({ navigationBarTitleText: '提现审批', enablePullDownRefresh: true });
