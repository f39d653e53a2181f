import { Image, View } from '@tarojs/components';

/** A customer's avatar (a resolved image, else a grey disc with their first character). */
export function CustomerFace({ src, name, size = 'sm' }: { src?: string; name: string; size?: 'sm' | 'lg' }) {
  return src ? <Image className={`avatar ${size}`} src={src} /> : <View className={`avatar ${size} face-initial`}>{name.slice(0, 1)}</View>;
}
