/** Complaints the e2e suite files through the API, in Chinese like the people who use Sevenfold. */
import type { Complaint } from '../../../shared/schemas/complaint.js';

/** A design patent of an SME copied in an online shop: fast track at a protection center. */
export const fastTrackDesign = (title: string, respondent: string): Complaint => ({
  title,
  description:
    '我司“流光”折叠台灯外观设计专利已授权。被投诉人在电商平台销售的台灯在整体形状、灯臂折叠结构和底座图案上与我司专利几乎完全相同，我们已公证购买样品并保存了订单、照片和对比图，请求尽快处理并删除链接。',
  ipType: 'designPatent',
  rights: [{ number: 'ZL202130123456.7', title: '折叠台灯（外观设计）' }],
  industry: '家居照明',
  complainant: { name: '北京流光设计有限公司', type: 'enterprise', sme: true },
  respondent: { name: respondent, type: 'enterprise' },
  ecommerce: { platform: '淘宝', listingUrl: 'https://item.taobao.com/item.htm?id=6612345678' },
  claim: { amountCny: 50_000, remedies: ['cease', 'takedown', 'damages'] },
  consents: { mediation: false, arbitrationAgreement: false },
  hasCounsel: false,
  evidence: { hasRightCertificate: true, hasInfringementProof: true, hasDamagesProof: true },
});

/** A small trademark claim with consent to mediation, against the demo respondent's account. */
export const mediationTrademark = (title: string): Complaint => ({
  title,
  description:
    '海淀区一家茶叶店自去年秋天起在店招和茶叶包装上使用我司注册的“香茗”文字商标。我们有现场照片、购买小票和商标注册证，估计损失约 8 万元，愿意先行调解。',
  ipType: 'trademark',
  rights: [{ number: 'TM 12345678', title: '香茗（文字商标）' }],
  industry: '食品饮料',
  complainant: { name: '北京香茗茶业有限公司', type: 'enterprise', sme: true },
  respondent: { name: '深圳明道贸易有限公司', type: 'enterprise', email: 'respondent@demo.local' },
  claim: { amountCny: 80_000, remedies: ['cease', 'damages', 'apology'] },
  consents: { mediation: true, arbitrationAgreement: false },
  hasCounsel: true,
  evidence: { hasRightCertificate: true, hasInfringementProof: true, hasDamagesProof: true },
});

/** An invention patent claim for the screening queue. */
export const inventionForScreening = (title: string): Complaint => ({
  title,
  description:
    '被投诉人生产销售的电池管理模块落入我司发明专利权利要求 1 至 5 的保护范围。我们在警告函发出后发现其仍在持续销售，年销售额较大，请求停止侵权并赔偿损失。',
  ipType: 'inventionPatent',
  rights: [{ number: 'ZL201810000001.1', title: '电池管理方法' }],
  industry: '新能源汽车',
  complainant: { name: '中关村动力系统有限公司', type: 'enterprise', sme: false },
  respondent: { name: '深圳伏特电子有限公司', type: 'enterprise' },
  claim: { amountCny: 3_000_000, remedies: ['cease', 'damages'] },
  consents: { mediation: true, arbitrationAgreement: false },
  hasCounsel: true,
  evidence: { hasRightCertificate: true, hasInfringementProof: true, hasDamagesProof: false },
});
