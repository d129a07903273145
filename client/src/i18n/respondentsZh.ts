/** 多名被请求人的中文文案：投诉表单中的其他被请求人，以及案件页的被请求人卡片。 */
export const respondentsZh = {
  form: {
    title: '其他被投诉人',
    help: '同一侵权行为还有其他参与者？请逐一填写：填写了邮箱的每名被投诉人都会收到各自的邀请，并成为本案当事人。',
    add: '添加被投诉人',
    remove: '删除其他被投诉人 {{n}}',
    name: '其他被投诉人 {{n}}：名称',
    type: '其他被投诉人 {{n}}：类型',
    email: '其他被投诉人 {{n}}：邮箱（选填）',
  },
  card: {
    title: '被请求人',
    introOne: '本案有一名被请求人。',
    introSeveral:
      '本案有 {{count}} 名被请求人：各自分别邀请、分别送达；调解须经每名被请求人同意，调解协议须每名被请求人签署。',
    you: '（您）',
    linked: '已加入本案',
    notLinked: '尚未加入',
    served: '已于 {{at}} 送达（{{means}}）',
    notServed: '尚未送达',
    consented: '已同意调解',
    signed: '已签署协议',
    period: '{{clock}}：被请求人期限至 {{at}}（自最后一名被请求人送达之日起算）',
    periodWaiting: '{{clock}}自送达之日起算',
  },
  staff: {
    respondent: '被请求人 {{n}}：{{name}}',
  },
};
