import Taro from '@tarojs/taro';
import { View, Text, Image, Video } from '@tarojs/components';
import type { MaterialContent } from '../services/api';

type Block = Extract<MaterialContent, { kind: 'article' }>['blocks'][number];

/** Every image or file reference in a material's content (to resolve them in one go). */
export function contentRefs(c: MaterialContent): string[] {
  const blocks = 'blocks' in c && c.blocks ? (c.blocks as Block[]) : [];
  const refs = blocks.flatMap((b) => (b.type === 'image' ? [b.src] : []));
  if (c.kind === 'brochure') refs.push(...c.pages, ...(c.pdf ? [c.pdf] : []));
  if (c.kind === 'video') refs.push(c.video);
  if (c.kind === 'poster') refs.push(c.image);
  return refs;
}

function Blocks({ blocks, src }: { blocks: Block[]; src: Record<string, string> }) {
  return (
    <View>
      {blocks.map((b, i) => {
        if (b.type === 'heading') return <Text key={i} className="mat-h">{b.text}</Text>;
        if (b.type === 'quote') return <Text key={i} className="mat-quote">{b.text}</Text>;
        if (b.type === 'image')
          return (
            <View key={i} className="mat-figure">
              {src[b.src] ? <Image className="mat-img" src={src[b.src]} mode="widthFix" /> : <View className="mat-img" />}
              {b.caption ? <Text className="muted">{b.caption}</Text> : null}
            </View>
          );
        return <Text key={i} className="mat-p">{b.text}</Text>;
      })}
    </View>
  );
}

/**
 * A material's content as nodes — text blocks as text, images as images — never as HTML: nothing in
 * a material can inject markup. `src` maps each reference to what to show.
 */
export function MaterialBody({ content, src }: { content: MaterialContent; src: Record<string, string> }) {
  switch (content.kind) {
    case 'article':
      return <Blocks blocks={content.blocks} src={src} />;
    case 'case':
      return (
        <View>
          <Text className="mat-case-who">客户：{content.customer}</Text>
          <Blocks blocks={content.blocks} src={src} />
        </View>
      );
    case 'testimonial':
      return (
        <View>
          <Text className="mat-quote big">“{content.quote}”</Text>
          <Text className="mat-by">—— {content.by}</Text>
          {content.blocks ? <Blocks blocks={content.blocks} src={src} /> : null}
        </View>
      );
    case 'brochure':
      return (
        <View>
          {content.pages.map((p) => (src[p] ? <Image key={p} className="mat-img" src={src[p]} mode="widthFix" /> : <View key={p} className="mat-img" />))}
          {content.pdf ? (
            <View className="cell" onClick={() => openPdf(src[content.pdf as string] || (content.pdf as string))}>
              <Text>打开 PDF 手册</Text>
              <Text className="cell-arrow">›</Text>
            </View>
          ) : null}
        </View>
      );
    case 'video':
      return <Video className="mat-video" src={src[content.video] || content.video} controls showCenterPlayBtn autoplay={false} />;
    case 'poster':
      return src[content.image] ? <Image className="mat-img" src={src[content.image]} mode="widthFix" showMenuByLongpress /> : <View className="mat-img" />;
  }
}

function openPdf(url: string): void {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return;
  }
  Taro.downloadFile({ url })
    .then((r) => Taro.openDocument({ filePath: r.tempFilePath, fileType: 'pdf' }))
    .catch(() => Taro.showToast({ title: '手册打开失败', icon: 'none' }));
}
