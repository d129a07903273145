/** 信用记录管理（工作人员）与公开依据。 */
export const creditRegisterZh = {
  title: '信用记录管理',
  intro: '因生效裁判或行政决定列入的当事人；可查看来源案件、公开依据，并处理异议与更正。',
  filter: '状态',
  all: '全部',
  name: '当事人',
  case: '来源案件',
  basis: '公开依据',
  status: '状态',
  date: '日期',
  empty: '没有符合条件的记录',
  manage: '异议与更正',
  close: '关闭',
  partyType: { enterprise: '单位', individual: '自然人' },
  decision: {
    nonCompliance: '未履行生效决定',
    infringement: '认定侵权',
  },
  basisKey: {
    finalJudgment:
      '生效判决：上诉期内未上诉（《民事诉讼法》第一百七十一条）；裁判文书依法公开（法释〔2016〕19号）',
    administrativeDecision: '侵权行政处理决定（《行政处罚法》第四十八条；《政府信息公开条例》）',
    pendingAppeal: '一审判决尚在上诉期内（《民事诉讼法》第一百七十一条、第二百八十六条）：生效前不公开',
    nonComplianceJudgment: '生效判决未履行（《民事诉讼法》第一百七十一条；法释〔2016〕19号）',
    nonComplianceAdministrative: '行政处理决定未履行（《行政处罚法》第四十八条）',
    other: '依法公开',
  },
} as const;
