export default definePageConfig({ navigationBarTitleText: '售后申请', enablePullDownRefresh: true });
