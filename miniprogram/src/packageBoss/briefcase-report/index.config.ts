export default definePageConfig({ navigationBarTitleText: '营销与客户', enablePullDownRefresh: true });
