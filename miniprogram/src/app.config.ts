export default defineAppConfig({
  pages: ['pages/shelf/index'],
  window: {
    navigationBarTitleText: '货架',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
  },
});
