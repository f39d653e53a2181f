export default definePageConfig({
  navigationBarTitleText: '货架',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
