export default definePageConfig({ navigationBarTitleText: '加入销售团队' });
