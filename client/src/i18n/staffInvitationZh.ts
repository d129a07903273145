/** 员工邀请（管理界面、邀请链接页面）。 */
export const staffInvitationZh = {
  access: '登录方式',
  sendInvitation: '发送邀请邮件',
  setPassword: '设置初始密码',
  invitationHint: '对方会收到一封邮件，通过其中的一次性链接自行设置密码并登录。',
  invited: '已邀请，尚未登录',
  resend: '重发邀请',
  resent: '已向 {{email}} 重新发送邀请，之前的链接已失效。',
  created: '已创建 {{name}} 的账号，并向 {{email}} 发送了邀请邮件。',
  pageTitle: '设置密码，加入 Sevenfold',
  pageIntro: '{{name}}（{{email}}），请为您的工作账号设置密码，设置后将自动登录。',
  checking: '正在核对邀请链接…',
  submit: '设置密码并登录',
  invalidTitle: '此邀请链接无法使用',
};
