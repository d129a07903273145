/**
 * The people and companies of the demo world: rights holders (each filed for by one of the two demo
 * complainant accounts, with the rights they hold), respondents (many distinct companies and a few
 * repeat infringers, so the credit register fills up) and the places infringements happen.
 */
import type { IpType, PartyType } from '../../shared/vocabulary.js';
import type { DemoRandom } from './demoRandom.js';

/** A right a demo rights holder holds: its number, title and the thing it protects. */
export interface DemoRight {
  ipType: IpType;
  number: string;
  title: string;
  /** What the right covers, for titles and descriptions ("folding desk lamp"). */
  item: string;
}

/** A rights holder the demo complainant accounts file for. */
export interface DemoRightsHolder {
  name: string;
  type: PartyType;
  sme: boolean;
  hasCounsel: boolean;
  industry: string;
  /** The demo account that files its complaints. */
  filer: 'u-complainant' | 'u-complainant2';
  rights: readonly DemoRight[];
}

const holder = (
  filer: DemoRightsHolder['filer'],
  name: string,
  industry: string,
  opts: { type?: PartyType; sme?: boolean; hasCounsel?: boolean },
  rights: DemoRight[],
): DemoRightsHolder => ({
  name,
  type: opts.type ?? 'enterprise',
  sme: opts.sme ?? true,
  hasCounsel: opts.hasCounsel ?? false,
  industry,
  filer,
  rights,
});

const right = (ipType: IpType, number: string, title: string, item: string): DemoRight => ({
  ipType,
  number,
  title,
  item,
});

/** Rights holders across every IP type and many industries. */
export const DEMO_RIGHTS_HOLDERS: readonly DemoRightsHolder[] = [
  holder('u-complainant', 'Beijing Lumen Design Co., Ltd.', 'Lighting', {}, [
    right('designPatent', 'ZL202130123456.7', 'Folding desk lamp', 'folding desk lamp'),
    right('designPatent', 'ZL202230345678.9', 'Pendant lamp shade', 'pendant lamp'),
    right('utilityModel', 'ZL202220556677.2', 'Magnetic lamp hinge', 'magnetic lamp hinge'),
  ]),
  holder('u-complainant', 'Xiangming Tea Co., Ltd.', 'Food and beverages', { sme: false, hasCounsel: true }, [
    right('trademark', 'TM 12345678', 'Xiangming Tea (word mark)', 'Xiangming tea'),
    right('trademark', 'TM 12345679', 'Xiangming (device mark)', 'Xiangming tea gift box'),
  ]),
  holder('u-complainant', 'Beijing Ride Safe Co., Ltd.', 'Sporting goods', {}, [
    right('utilityModel', 'ZL202120778899.1', 'Quick-release bicycle lock', 'bicycle lock'),
    right('designPatent', 'ZL202230112233.5', 'Cycling helmet', 'cycling helmet'),
  ]),
  holder('u-complainant', 'Beijing Form Furniture Co., Ltd.', 'Furniture', {}, [
    right('designPatent', 'ZL202030445566.3', 'Stacking chair', 'stacking chair'),
    right('designPatent', 'ZL202130998877.0', 'Lounge armchair', 'lounge armchair'),
  ]),
  holder('u-complainant', 'Yunshan Cosmetics Co., Ltd.', 'Cosmetics', { sme: false, hasCounsel: true }, [
    right('trademark', 'TM 23456789', 'Yunshan (word and device)', 'Yunshan face cream'),
    right('trademark', 'TM 23456790', 'Yunshan Pure (word mark)', 'Yunshan Pure serum'),
  ]),
  holder('u-complainant', 'Wang Xiaoyu', 'Publishing', { type: 'individual' }, [
    right('copyright', '国作登字-2021-F-00123456', 'Forest animals series', 'forest animal illustrations'),
  ]),
  holder('u-complainant', 'Pinggu Peach Growers Cooperative', 'Agriculture', {}, [
    right('other', 'GI 2013-0456', 'Pinggu Peach (geographical indication)', 'Pinggu peaches'),
  ]),
  holder('u-complainant', 'Beijing Little Panda Toys Co., Ltd.', 'Toys', {}, [
    right('designPatent', 'ZL202230667788.1', 'Plush panda toy', 'plush panda toy'),
    right('copyright', '国作登字-2022-F-00456789', 'Little Panda character', 'Little Panda character'),
  ]),
  holder('u-complainant', 'Jingdiao Font Studio', 'Design services', {}, [
    right('copyright', '国作登字-2020-F-00987654', 'Jingdiao Song typeface', 'Jingdiao Song typeface'),
  ]),
  holder(
    'u-complainant',
    'Beijing Kaiyue Catering Management Co., Ltd.',
    'Restaurants',
    { hasCounsel: true },
    [
      right('trademark', 'TM 34567890', 'Kaiyue Roast Duck (word mark)', 'Kaiyue Roast Duck'),
      right('tradeSecret', 'TS-KY-2019-01', 'Roast duck marinade recipe', 'marinade recipe'),
    ],
  ),
  holder('u-complainant', 'Qingshan Seed Co., Ltd.', 'Agriculture', {}, [
    right(
      'other',
      'CNA20191234.5',
      'Jingke 968 maize variety (plant variety right)',
      'Jingke 968 maize seed',
    ),
  ]),
  holder(
    'u-complainant2',
    'Zhongguancun Power Systems Co., Ltd.',
    'New energy',
    { sme: false, hasCounsel: true },
    [
      right('inventionPatent', 'ZL201910012345.6', 'Cell balancing method', 'battery-management unit'),
      right('inventionPatent', 'ZL202010054321.2', 'State-of-charge estimation', 'battery-management unit'),
      right('utilityModel', 'ZL202120334455.8', 'Battery pack connector', 'battery pack connector'),
    ],
  ),
  holder('u-complainant2', 'Haidian Route Software Co., Ltd.', 'Software', { sme: false, hasCounsel: true }, [
    right(
      'copyright',
      '2020SR0123456',
      'Logistics scheduling software V3.0',
      'logistics scheduling software',
    ),
    right('tradeSecret', 'TS-HR-2021-07', 'Route optimisation source code', 'route optimisation source code'),
  ]),
  holder('u-complainant2', 'Haidian Sonic Devices Co., Ltd.', 'Consumer electronics', {}, [
    right('designPatent', 'ZL202230654321.0', 'Smart speaker housing', 'smart speaker'),
    right('utilityModel', 'ZL202220887766.4', 'Speaker driver mount', 'speaker driver mount'),
  ]),
  holder(
    'u-complainant2',
    'Zhongguancun Xinhe Microelectronics Co., Ltd.',
    'Semiconductors',
    { sme: false, hasCounsel: true },
    [
      right('icLayout', 'BS.215512345', 'Power management IC layout XH-PM3', 'power management chip'),
      right('inventionPatent', 'ZL202110765432.1', 'Low-dropout regulator', 'voltage regulator chip'),
      right('tradeSecret', 'TS-XH-2020-03', 'Wafer test process', 'wafer test process'),
    ],
  ),
  holder('u-complainant2', 'Beijing Skyward Drones Co., Ltd.', 'Drones', { hasCounsel: true }, [
    right('inventionPatent', 'ZL202010876543.9', 'Gimbal stabilisation method', 'camera gimbal'),
    right('designPatent', 'ZL202230778899.6', 'Folding drone', 'folding drone'),
  ]),
  holder(
    'u-complainant2',
    'Beijing Huaxin Biotech Co., Ltd.',
    'Biotechnology',
    { sme: false, hasCounsel: true },
    [
      right(
        'inventionPatent',
        'ZL201810234567.3',
        'Antibody purification process',
        'antibody purification kit',
      ),
      right('tradeSecret', 'TS-HX-2018-11', 'Cell culture medium formula', 'cell culture medium formula'),
    ],
  ),
  holder('u-complainant2', 'Haidian Stride Sportswear Co., Ltd.', 'Apparel', { hasCounsel: true }, [
    right('trademark', 'TM 45678901', 'STRIDE (word mark)', 'STRIDE running shoes'),
    right('designPatent', 'ZL202130556677.9', 'Running shoe sole', 'running shoe sole'),
  ]),
  holder('u-complainant2', 'Beijing Mingjing Photo Agency', 'Media', {}, [
    right('copyright', '国作登字-2019-I-00234567', 'Great Wall photo collection', 'Great Wall photographs'),
  ]),
  holder('u-complainant2', 'Zhongguancun Pixel Games Co., Ltd.', 'Games', { hasCounsel: true }, [
    right('copyright', '2022SR0654321', 'Mountain Legends mobile game', 'Mountain Legends game'),
    right('trademark', 'TM 56789012', 'Mountain Legends (word mark)', 'Mountain Legends merchandise'),
  ]),
  holder('u-complainant2', 'Beijing Greenleaf Kitchen Appliances Co., Ltd.', 'Home appliances', {}, [
    right('utilityModel', 'ZL202220445566.0', 'Anti-scald kettle lid', 'electric kettle'),
    right('designPatent', 'ZL202230223344.7', 'Electric kettle', 'electric kettle'),
  ]),
  holder('u-complainant2', 'Liu Fang', 'Crafts', { type: 'individual' }, [
    right('copyright', '国作登字-2023-F-00345678', 'Twelve zodiac paper cuts', 'zodiac paper-cut designs'),
  ]),
];

/** Respondents that infringe again and again: the credit register shows their record. */
export const REPEAT_INFRINGERS: readonly string[] = [
  'Guangzhou Glow Supply Co., Ltd.',
  'Hangzhou Bright Trading Co., Ltd.',
  'Dongguan Echo Electronics Co., Ltd.',
  'Yiwu Jinxing Crafts Co., Ltd.',
  'Shenzhen Ruida Electronics Co., Ltd.',
  'Langfang Home Living Co., Ltd.',
];

const CITIES = [
  'Shenzhen',
  'Dongguan',
  'Yiwu',
  'Hangzhou',
  'Guangzhou',
  'Foshan',
  'Tianjin',
  'Langfang',
  'Baoding',
  'Suzhou',
  'Ningbo',
  'Quanzhou',
  'Wenzhou',
  'Shantou',
  'Chengdu',
  'Wuhan',
  'Xiamen',
  'Jinhua',
  'Zhongshan',
  'Changsha',
  'Shijiazhuang',
  'Linyi',
] as const;
const WORDS = [
  'Bright',
  'Star',
  'Hongda',
  'Jiahe',
  'Xinyuan',
  'Tengfei',
  'Huamei',
  'Yongsheng',
  'Golden Leaf',
  'Blue Ocean',
  'Fuxing',
  'Kangda',
  'Lianhe',
  'Shengshi',
  'Haoyun',
  'Mingrui',
  'Dingxin',
  'Wanjia',
] as const;
const KINDS = [
  'Trading',
  'Electronics',
  'Technology',
  'Home Goods',
  'Network Technology',
  'E-commerce',
  'Industrial',
  'Import and Export',
  'Daily Products',
  'Culture Media',
] as const;
const PEOPLE = [
  'Li Ming',
  'Zhang Wei',
  'Chen Xiu',
  'Liu Qiang',
  'Huang Lei',
  'Zhou Yan',
  'Wu Gang',
  'Xu Jing',
];

/** A respondent: one of the repeat infringers now and then, else a (mostly distinct) company or trader. */
export function demoRespondentName(
  rng: DemoRandom,
  opts: { repeatShare: number; individualShare: number },
): {
  name: string;
  type: PartyType;
  repeat: boolean;
} {
  if (rng.chance(opts.repeatShare))
    return { name: rng.pick(REPEAT_INFRINGERS), type: 'enterprise', repeat: true };
  if (rng.chance(opts.individualShare)) return { name: rng.pick(PEOPLE), type: 'individual', repeat: false };
  return {
    name: `${rng.pick(CITIES)} ${rng.pick(WORDS)} ${rng.pick(KINDS)} Co., Ltd.`,
    type: 'enterprise',
    repeat: false,
  };
}

/** E-commerce platforms, each with how its listing addresses look. */
export const DEMO_PLATFORMS: readonly { platform: string; listing: (id: string) => string }[] = [
  { platform: 'Taobao', listing: (id) => `https://item.taobao.com/item.htm?id=6${id}` },
  { platform: 'Tmall', listing: (id) => `https://detail.tmall.com/item.htm?id=7${id}` },
  { platform: 'JD.com', listing: (id) => `https://item.jd.com/100${id}.html` },
  { platform: 'Pinduoduo', listing: (id) => `https://mobile.yangkeduo.com/goods.html?goods_id=4${id}` },
  { platform: 'Douyin Shop', listing: (id) => `https://haohuo.jinritemai.com/views/product/item2?id=3${id}` },
  { platform: 'Xianyu', listing: (id) => `https://www.goofish.com/item?id=8${id}` },
];

/** Trade fairs where infringing goods are shown. */
export const DEMO_TRADE_FAIRS: readonly string[] = [
  '136th Canton Fair',
  '137th Canton Fair',
  '138th Canton Fair',
  'China International Import Expo',
  'Beijing International Design Week',
  'China Hi-Tech Fair (Shenzhen)',
  'Yiwu International Commodities Fair',
  'Zhongguancun Forum Exhibition',
  'China International Furniture Fair (Shanghai)',
  'China International Consumer Products Expo',
];
