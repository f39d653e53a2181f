export default definePageConfig({ navigationBarTitleText: '货架' });
