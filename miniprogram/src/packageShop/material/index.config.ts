export default definePageConfig({ navigationBarTitleText: '内容分享', enableShareAppMessage: true });
