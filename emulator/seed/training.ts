/**
 * Demo training: one published course with three lessons and a quiz, assigned to every
 * salesperson (due in 14 days). 李娜 has passed it (failed once first), 王强 is in progress (one
 * lesson done), 赵敏 has not started. Not required before a shelf goes live, so every seeded
 * salesperson's shelf stays live.
 */
import { seedFileId } from './files';
import { DAY, type SeedDoc } from './window';

/** Fixed ids of the demo course. */
export const TRAINING_IDS = {
  course: 'course_onboarding',
  lessons: ['l_brand', 'l_products', 'l_service'],
  passPercent: 60,
} as const;

/** The demo quiz's questions and their correct options (tests answer it right and wrong). */
export const ONBOARDING_ANSWERS = { q_origin: ['b'], q_tea: ['a', 'c'], q_refund: ['a'] } as const;

const HOUR = 3600 * 1000;

/** A lesson's text block. */
const text = (t: string) => ({ kind: 'text', text: t });
/** A lesson's image block: a seeded file and its caption. */
const image = (file: string, caption: string) => ({ kind: 'image', src: seedFileId(file), caption });

/** A quiz question whose options are lettered a, b, c… in order; the correct ones are those in ONBOARDING_ANSWERS. */
function question(questionId: keyof typeof ONBOARDING_ANSWERS, kind: 'single' | 'multiple', questionText: string, options: string[]) {
  const correct: readonly string[] = ONBOARDING_ANSWERS[questionId];
  return {
    questionId,
    kind,
    text: questionText,
    options: options.map((t, i) => {
      const optionId = String.fromCharCode(97 + i);
      return { optionId, text: t, correct: correct.includes(optionId) };
    }),
  };
}

export function seedTraining(now: Date): Record<string, SeedDoc[]> {
  const at = (ms: number) => new Date(now.getTime() + ms);
  const [brand, products, service] = TRAINING_IDS.lessons;
  const course: SeedDoc = {
    _id: TRAINING_IDS.course,
    title: '新人必修：品牌与产品',
    summary: '认识山野良品、主推产品和售后规则，10 分钟学完，测验 60 分及格。',
    cover: seedFileId('courses/onboarding.svg'),
    status: 'published',
    requiredBeforeLive: false,
    lessons: [
      { lessonId: brand, title: '品牌故事', minutes: 3, blocks: [text('山野良品只卖产地直发的好物：每一款都由买手到产地挑选，和农户签约收购。'), image('brand/logo.svg', '品牌标识'), text('和客户聊天时，先讲产地和人，再讲价格。')] },
      { lessonId: products, title: '主推产品', minutes: 4, blocks: [text('明前龙井和云南滇红是茶饮的两款主推：龙井讲鲜爽，滇红讲醇厚。'), image('products/p01.svg', '明前龙井'), image('products/p03.svg', '云南滇红')] },
      { lessonId: service, title: '售后与退款', minutes: 3, blocks: [text('未发货的订单可以直接退款；已发货的订单需要审核，退货要填写快递单号。佣金按实付金额计算，退款会冲回。')] },
    ],
    quiz: {
      passPercent: TRAINING_IDS.passPercent,
      questions: [
        question('q_origin', 'single', '山野良品的货从哪里来？', ['批发市场', '产地直发', '海外代购']),
        question('q_tea', 'multiple', '哪些是茶饮的主推产品？（多选）', ['明前龙井', '五常大米', '云南滇红']),
        question('q_refund', 'single', '未发货的订单申请退款，怎么处理？', ['直接退款', '必须先退货']),
      ],
    },
    assignAll: { dueAt: at(14 * DAY), assignedAt: at(-3 * DAY), assignedBy: 'o_ops' },
    createdAt: at(-3 * DAY),
    updatedAt: at(-3 * DAY),
    updatedBy: 'o_ops',
  };
  const progress = (salesId: string, fields: Record<string, unknown>): SeedDoc => ({
    _id: `${TRAINING_IDS.course}:${salesId}`,
    courseId: TRAINING_IDS.course,
    salesId,
    assignedAt: at(-3 * DAY),
    doneLessonIds: [],
    attemptCount: 0,
    attempts: [],
    updatedAt: at(-2 * DAY),
    ...fields,
  });
  const failed = { key: 'seed-li-attempt-1', at: at(-2 * DAY), scorePercent: 33, correctCount: 1, total: 3, passed: false };
  const passed = { key: 'seed-li-attempt-2', at: at(-2 * DAY + HOUR), scorePercent: 100, correctCount: 3, total: 3, passed: true };
  return {
    courses: [course],
    training_progress: [
      progress('o_sales_li', {
        doneLessonIds: [brand, products, service],
        lastLessonId: service,
        lastStudiedAt: at(-2 * DAY),
        attemptCount: 2,
        attempts: [failed, passed],
        bestScorePercent: 100,
        lastAttemptAt: passed.at,
        passedAt: passed.at,
        completedAt: passed.at,
        updatedAt: passed.at,
      }),
      progress('o_sales_wang', { doneLessonIds: [brand], lastLessonId: brand, lastStudiedAt: at(-1 * DAY), updatedAt: at(-1 * DAY) }),
    ],
  };
}
