import { View } from '@tarojs/components';

/** A sheet from the bottom over a mask, with its title; a tap on the mask closes it. */
export function Sheet({ title, onClose, className, testid, children }: { title: JSX.Element | string; onClose: () => void; className?: string; testid?: string; children: React.ReactNode }) {
  return (
    <View className="mask" onClick={onClose}>
      <View className={className ? `sheet ${className}` : 'sheet'} onClick={(e) => e.stopPropagation()} data-testid={testid}>
        <View className="card-title">{title}</View>
        {children}
      </View>
    </View>
  );
}
