export default definePageConfig({ navigationBarTitleText: '邀请新销售', enableShareAppMessage: true });
