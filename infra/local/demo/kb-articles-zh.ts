// The demo knowledge base in Chinese: what the warranty, rescue and IT lines' agents look up most, written
// for this center from its hotline procedures. IVR paths name the flows' steps (flows/*.ts).
import type { KbArticleDraft } from '../../../functions/domain/kb/article.js';

const BASE = { lang: 'zh', status: 'published', owner: '2001' } as const;

export const KB_ARTICLES_ZH: readonly KbArticleDraft[] = [
  {
    ...BASE,
    id: 'warranty-claim-procedure',
    title: '延保理赔报案流程',
    summary: '核实身份与保单，记录故障描述，建理赔工单并短信告知编号，再转理赔专员安排检测维修。',
    category: 'warranty-claims',
    tags: ['理赔', '报案', '延长保修', '维修'],
    hotlines: ['warranty'],
    ticketTypes: ['claim'],
    ivrPaths: ['warranty.claimQueue', 'warranty.claimProblem', 'warranty.claimTicket'],
    body: `客户车辆出现故障、要求按延保维修时，按以下步骤受理：

- **核实身份**：请客户报姓名，并提供保单号（10 位数字）、车架号或车牌号中的任意一项。
- **查询保单**：确认保单状态为"有效"，且故障发生日期在保障期内、里程未超过保单上限。
- **记录故障**：用客户自己的话记录症状、出现时间、仪表灯和当前车辆位置；不要替客户下结论。
- **建理赔工单**：类型选"理赔"，系统生成 CLM 开头的理赔编号，并自动短信发给客户。
- **告知下一步**：理赔专员会在 2 个工作小时内联系客户，安排到指定维修站检测；检测前请勿自行拆修。

客户已经在外地无法行驶时，先转救援热线处理拖车，再补登理赔。`,
  },
  {
    ...BASE,
    id: 'warranty-coverage',
    title: '延长保修期保障范围',
    summary: '延保覆盖发动机、变速箱、传动和主要电器的非人为故障；易损件、保养项目和事故损坏不在范围内。',
    category: 'warranty-terms',
    tags: ['保障范围', '延长保修', '条款', '发动机', '变速箱'],
    hotlines: ['warranty'],
    ticketTypes: ['claim', 'inquiry'],
    ivrPaths: ['warranty.generalQueue', 'warranty.claimQueue'],
    body: `延长保修期（延保）承担保单列明部件在正常使用中出现的机械或电气故障的维修费用：

- 发动机：缸体、缸盖、曲轴、凸轮轴、机油泵、正时系统等内部润滑部件；
- 变速箱：手动和自动变速箱内部部件、变矩器；
- 传动系统：传动轴、差速器、半轴；
- 转向、制动总泵、空调压缩机、发电机、起动机等主要电器。

每次理赔以维修站检测报告为准，更换件按原厂或同等质量配件计价。保障以保单所列产品（如"延保 3 年 / 6 万公里"）为限，先到为准。`,
  },
  {
    ...BASE,
    id: 'warranty-exclusions',
    title: '延保除外责任（不保的情况）',
    summary: '易损件、常规保养、事故或人为损坏、改装、未按期保养及保单生效前已有的故障均不予理赔。',
    category: 'warranty-terms',
    tags: ['除外责任', '不保', '拒赔', '易损件'],
    hotlines: ['warranty'],
    ticketTypes: ['claim', 'inquiry', 'complaint'],
    ivrPaths: ['warranty.claimQueue', 'warranty.generalQueue'],
    body: `以下情况不属于延保责任，受理时请如实、耐心地向客户说明：

- 易损件：刹车片、轮胎、雨刮、灯泡、蓄电池、离合器片等；
- 常规保养：机油、滤芯、火花塞、四轮定位；
- 交通事故、水淹、火烧、人为损坏，以及应由车险赔付的损失；
- 私自改装、加装或使用不合格油品导致的故障；
- 未按保养手册按期保养且无法提供记录的；
- 保单生效前已经存在的故障。

客户对结论有异议时，不要争辩：说明可申请复核，并按投诉流程登记。`,
  },
  {
    ...BASE,
    id: 'extended-warranty-product',
    title: '延保产品介绍：期限与里程',
    summary: '延保随二手车在交易市场出售，常见 2 年/4 万公里和 3 年/6 万公里两档，以先到者为准。',
    category: 'warranty-terms',
    tags: ['延保', '产品', '期限', '里程', '二手车'],
    hotlines: ['warranty'],
    ticketTypes: ['inquiry'],
    ivrPaths: ['warranty.generalQueue'],
    body: `延长保修服务随二手车在合作的二手车交易市场和车商处销售，保单由卖车的市场出具。

- 常见档位：2 年 / 4 万公里、3 年 / 6 万公里，时间和里程以先到者为准；
- 保障起始日为交车日，保单号为 10 位数字，印在保修证书上；
- 保单可随车转让，转让、更正和补打证书都由售车的交易市场办理；
- 全国合作维修站均可检测维修，费用由我方与维修站直接结算，客户只需支付不在保障范围内的部分。`,
  },
  {
    ...BASE,
    id: 'claim-status-inquiry',
    title: '查询理赔进度',
    summary: '凭理赔编号或车架号查询；进度分已受理、检测中、待审核、维修中、已结案，超时未更新需催办。',
    category: 'warranty-claims',
    tags: ['理赔进度', '查询', '催办'],
    hotlines: ['warranty'],
    ticketTypes: ['claim'],
    ivrPaths: ['warranty.statusTell', 'warranty.statusClaimNumber', 'warranty.statusFail'],
    body: `客户可在语音导航中按 8 自助查询，也可由座席查询：

- 请客户提供理赔编号（CLM 开头）或车架号；
- 工单状态对应：新建/已受理 → 检测中 → 待审核 → 维修中 → 已结案；
- 超过 2 个工作日状态未变化的，在工单中添加备注并提醒理赔专员，告知客户预计回复时间；
- 只告知进度，不对审核结果做任何承诺。`,
  },
  {
    ...BASE,
    id: 'policy-correction',
    title: '保单信息更正、转让与取消',
    summary: '保单更正、转让过户、取消退保和补打保修证书，均需客户联系售车的二手车交易市场办理。',
    category: 'warranty-terms',
    tags: ['保单更正', '转让', '过户', '退保', '补打证书'],
    hotlines: ['warranty'],
    ticketTypes: ['policy-change'],
    ivrPaths: [
      'warranty.ucmCorrection',
      'warranty.ucmTransfer',
      'warranty.ucmCancel',
      'warranty.ucmLostSchedule',
    ],
    body: `保单由售车的二手车交易市场出具并在系统中维护，以下业务请客户直接联系该市场：

- 姓名、车架号、车牌号有误需要更正；
- 车辆过户后保单随车转让；
- 取消保单、办理退保；
- 保修证书遗失需要重新打印。

座席可在客户资料中查到售车市场的名称和电话，并可短信发送给客户。系统中查不到保单时，也请客户先向市场核实。`,
  },
  {
    ...BASE,
    id: 'policy-not-found',
    title: '系统中查不到保单怎么办',
    summary: '先核对保单号、车架号、车牌号；仍查不到时请客户联系售车市场核实，可短信发送市场电话。',
    category: 'warranty-claims',
    tags: ['查不到保单', '核实', '保单号'],
    hotlines: ['warranty'],
    ticketTypes: ['claim', 'inquiry'],
    ivrPaths: ['warranty.claimNotFound', 'warranty.claimNoInfo'],
    body: `常见原因：保单号输错、车架号字母 O 与数字 0 混淆、车辆刚过户、市场尚未录入。

- 请客户逐位核对保单号（10 位数字）或车架号（17 位）；
- 仍查不到：告知客户联系售车的二手车交易市场核实并修正，并短信发送市场电话；
- 客户情绪激动或车辆急需维修：记录联系方式，建一张"咨询"工单跟进，不要让客户空手挂机。`,
  },
  {
    ...BASE,
    id: 'repair-shop-referral',
    title: '推荐合作维修站',
    summary: '按客户所在城市和车辆品牌推荐最近的合作维修站，告知地址、电话和检测前无需付费。',
    category: 'warranty-claims',
    tags: ['维修站', '推荐', '检测', '合作网点'],
    hotlines: ['warranty', 'rescue'],
    ticketTypes: ['claim', 'rescue'],
    ivrPaths: ['warranty.claimQueue', 'rescue.rescueQueue'],
    body: `延保车辆的检测和维修须在合作维修站进行，否则费用可能无法理赔。

- 询问客户所在城市、区县和车辆品牌；
- 优先推荐距离最近、具备该品牌维修资质的合作维修站；
- 告知维修站地址、电话和营业时间，并短信发送；
- 提醒客户：检测费用在理赔范围内由我方结算，维修方案须经理赔专员确认后再施工。`,
  },
  {
    ...BASE,
    id: 'rescue-dispatch-steps',
    title: '道路救援受理步骤',
    summary: '先确认人身安全，再问清位置、车况和车牌，建救援工单派车，并告知预计到达时间。',
    category: 'rescue',
    tags: ['救援', '派车', '受理', '安全'],
    hotlines: ['rescue'],
    ticketTypes: ['rescue'],
    ivrPaths: ['rescue.rescueQueue', 'rescue.rescueWhere', 'rescue.rescueTicket'],
    body: `救援电话优先接听，按以下顺序处理：

- **安全第一**：询问是否有人受伤；有人受伤请客户立即拨打 120，发生事故拨打 122。提醒打开双闪、在车后 50 米（高速 150 米）放置三角警示牌，人员撤到护栏外。
- **位置**：道路名称、方向、最近的路口或里程桩；在高速上问清"往哪个方向、哪个公里数"。
- **车况**：无法启动、爆胎、缺油、钥匙锁车内还是事故；车辆能否挪动。
- **建工单派车**：类型选"救援"，记录车牌、车型和回拨电话。
- **告知**：预计到达时间，救援车辆出发后司机会来电确认。`,
  },
  {
    ...BASE,
    id: 'towing-service',
    title: '拖车服务说明',
    summary: '会员拖车 100 公里内免费，超出部分按公里计费；拖往就近合作维修站或客户指定地点。',
    category: 'rescue',
    tags: ['拖车', '费用', '公里', '会员'],
    hotlines: ['rescue'],
    ticketTypes: ['rescue'],
    ivrPaths: ['rescue.rescueQueue'],
    body: `- 会员每年可享受若干次免费拖车，单次 100 公里以内免费，超出部分按公里收费，费用在派车前告知客户；
- 默认拖往就近的合作维修站；客户指定其他地点的，需确认距离和费用；
- 拖车前请客户取出贵重物品，并与司机当面确认车辆外观和里程；
- 高速公路上的车辆须由路政指定的清障车拖离，我方可协助联系。`,
  },
  {
    ...BASE,
    id: 'minor-roadside-help',
    title: '现场小修：搭电、换胎、送油、开锁',
    summary: '搭电、换备胎、送油和开锁可现场处理，通常 1 小时内到达；油费和配件费由客户承担。',
    category: 'rescue',
    tags: ['搭电', '换胎', '送油', '开锁', '现场救援'],
    hotlines: ['rescue'],
    ticketTypes: ['rescue'],
    ivrPaths: ['rescue.rescueQueue', 'rescue.consultQueue'],
    body: `很多故障不需要拖车，可以派服务车现场处理：

- 蓄电池亏电：搭电启动，建议客户随后检测蓄电池；
- 爆胎：更换备胎（客户需有可用备胎）；
- 缺油：送油 5 至 10 升，油费由客户承担；
- 钥匙锁在车内：需核实车主身份后开锁。

先在电话中指导客户排查（如确认挡位在 P 挡、踩下刹车再启动），能电话解决的在工单中记录"电话指导解决"。`,
  },
  {
    ...BASE,
    id: 'accident-report',
    title: '交通事故报案指引',
    summary: '有人受伤先打 120，报警 122；拍照取证后将车移至安全处，再联系保险公司报案，我方可协助拖车。',
    category: 'rescue',
    tags: ['事故', '报案', '保险', '取证'],
    hotlines: ['rescue'],
    ticketTypes: ['rescue'],
    ivrPaths: ['rescue.accidentQueue', 'rescue.accidentWhere', 'rescue.accidentTicket'],
    body: `- 有人受伤：立即拨打 120 和 122，不要移动伤员；
- 无人受伤的轻微事故：从车前、车后、侧面和全景拍照取证后，将车辆移至不妨碍交通的地方，双方协商或报警处理；
- 提醒客户尽快向自己的车险公司报案，事故损失由车险理赔，不属于延保；
- 车辆无法行驶时，建救援工单安排拖车，并记录事故地点和交警的处理意见。`,
  },
  {
    ...BASE,
    id: 'rescue-status',
    title: '救援进度查询与催促',
    summary: '查救援工单，联系调度确认车辆位置，向客户更新预计到达时间；超时 30 分钟升级处理。',
    category: 'rescue',
    tags: ['救援进度', '催促', '到达时间', '升级'],
    hotlines: ['rescue'],
    ticketTypes: ['rescue'],
    ivrPaths: ['rescue.consultQueue'],
    body: `- 按车牌或回拨电话找到救援工单；
- 联系调度确认救援车辆当前位置，向客户更新预计到达时间；
- 超过承诺时间 30 分钟仍未到达的，将工单升级，并由班长回电客户；
- 客户已自行解决、要求取消的，记录原因后关闭工单。`,
  },
  {
    ...BASE,
    id: 'it-password-reset',
    title: '重置账户密码',
    summary: '核实客户识别码和身份后发送重置链接；链接 30 分钟有效，连续输错 5 次账户将锁定 15 分钟。',
    category: 'it-support',
    tags: ['密码', '重置', '账户锁定', '登录'],
    hotlines: ['it-support'],
    ticketTypes: ['fault', 'inquiry'],
    ivrPaths: ['it-support.supportQueue', 'it-support.askFault'],
    body: `- 请客户提供客户识别码，核对姓名和登记的手机号；
- 在管理后台发送密码重置链接到登记邮箱或手机，链接 30 分钟内有效；
- 新密码至少 10 位，须包含字母和数字，不能与最近 3 次相同；
- 连续输错 5 次会锁定 15 分钟，可等待自动解锁或由工程师手动解锁；
- 绝不在电话中询问或读出客户的密码。`,
  },
  {
    ...BASE,
    id: 'it-vpn-connection',
    title: 'VPN 连接失败排查',
    summary: '先确认网络正常、客户端为最新版本、账户未锁定；仍失败时记录错误代码建故障工单。',
    category: 'it-support',
    tags: ['vpn', '远程办公', '连接失败', '网络'],
    hotlines: ['it-support'],
    ticketTypes: ['fault'],
    ivrPaths: ['it-support.supportQueue', 'it-support.askFault'],
    body: `按顺序排查：

- 能否打开普通网页？不能则先处理本地网络；
- VPN 客户端是否为最新版本，系统时间是否准确（时间误差会导致证书校验失败）；
- 账户是否过期或被锁定，密码是否最近修改过；
- 换一个网络（如手机热点）能否连接，以排除公司或酒店网络拦截；
- 仍失败：记录客户端版本、错误代码和截图，建故障工单转二线工程师。`,
  },
  {
    ...BASE,
    id: 'it-printer',
    title: '打印机无法打印',
    summary: '检查电源、纸张和卡纸，清空打印队列并重启打印服务；网络打印机确认 IP 可达，仍不行建工单。',
    category: 'it-support',
    tags: ['打印机', '卡纸', '打印队列', '驱动'],
    hotlines: ['it-support'],
    ticketTypes: ['fault'],
    ivrPaths: ['it-support.supportQueue', 'it-support.askDevice'],
    body: `- 打印机是否通电、有纸、无卡纸、无错误指示灯；
- 在电脑上清空打印队列，重启打印服务或重启电脑；
- 网络打印机：确认与电脑在同一网络，能 ping 通打印机 IP；
- 打印乱码或只打印空白页：重新安装对应型号的驱动；
- 以上无效时登记打印机型号和位置，建故障工单，必要时派工程师上门。`,
  },
  {
    ...BASE,
    id: 'it-email',
    title: '邮件收发异常',
    summary: '确认账户可登录网页邮箱；收不到查垃圾箱和邮箱容量，发不出查附件大小和收件人地址。',
    category: 'it-support',
    tags: ['邮件', '邮箱', '收发', '附件', 'outlook'],
    hotlines: ['it-support'],
    ticketTypes: ['fault'],
    ivrPaths: ['it-support.supportQueue', 'it-support.askFault'],
    body: `- 先请客户登录网页版邮箱：网页正常则是客户端问题，网页也异常则是账户或服务器问题；
- 收不到邮件：检查垃圾邮件箱、收件规则和邮箱容量是否已满；
- 发不出邮件：附件是否超过 25 MB，收件人地址是否正确，是否收到退信及退信代码；
- 客户端反复要求输入密码：删除保存的凭据后重新登录；
- 多人同时异常时可能是服务故障，请立即通知值班工程师。`,
  },
  {
    ...BASE,
    id: 'it-fault-ticket',
    title: '技术支持故障工单填写要求',
    summary: '工单须写明客户识别码、设备型号、故障现象、出现时间、已做的排查和联系方式。',
    category: 'it-support',
    tags: ['故障工单', '填写规范', '派工'],
    hotlines: ['it-support'],
    ticketTypes: ['fault'],
    ivrPaths: ['it-support.faultTicket', 'it-support.supportQueue'],
    body: `一张好的故障工单让二线工程师不必再打电话问一遍：

- 客户识别码、姓名、回拨电话；
- 设备类型和型号（电脑、打印机、网络设备、软件版本）；
- 故障现象的原话、错误代码或截图，首次出现时间，影响几个人；
- 电话中已做的排查步骤及结果；
- 需要上门时写清地址和客户方便的时间。`,
  },
  {
    ...BASE,
    id: 'complaint-handling',
    title: '客户投诉处理规范',
    summary: '先倾听和致歉，不争辩不推诿；记录事实，建投诉工单，24 小时内回复，3 个工作日内给出处理结果。',
    category: 'complaints',
    tags: ['投诉', '处理规范', '致歉', '时限'],
    hotlines: ['warranty', 'rescue', 'it-support'],
    ticketTypes: ['complaint'],
    ivrPaths: ['warranty.complaintQueue', 'warranty.complaintDescribe'],
    body: `投诉处理遵循"首问负责"：谁接到的投诉，谁跟进到底或明确交接。

- **倾听**：让客户把话说完，不打断，不辩解；
- **致歉**：对客户的不便表示歉意，例如"给您带来麻烦，非常抱歉"；
- **记录事实**：时间、涉及人员或网点、客户诉求，用客户原话；
- **建投诉工单**：类型选"投诉"，优先级按影响确定；
- **时限**：24 小时内首次回复客户，3 个工作日内给出处理结果，无法按时完成须提前告知原因；
- **回访**：结案后回访，确认客户是否满意。`,
  },
  {
    ...BASE,
    id: 'complaint-escalation',
    title: '投诉升级条件',
    summary: '客户要求找领导、威胁媒体或诉讼、涉及人身安全、重复投诉或金额较大时，立即升级给班长。',
    category: 'complaints',
    tags: ['投诉升级', '班长', '重复投诉', '媒体'],
    hotlines: ['warranty', 'rescue', 'it-support'],
    ticketTypes: ['complaint'],
    ivrPaths: ['warranty.complaintQueue'],
    body: `遇到以下情况，将投诉工单状态改为"已升级"并通知班长：

- 客户明确要求与主管或经理通话；
- 客户提到媒体曝光、监管部门或法律诉讼；
- 涉及人身安全或车辆严重安全隐患；
- 同一问题 30 天内第二次投诉；
- 涉及金额较大或对公司声誉有影响。

升级不等于移交了事：原座席仍需告诉客户谁会在什么时间联系他。`,
  },
  {
    ...BASE,
    id: 'call-opening-closing',
    title: '来电接听与结束用语',
    summary: '铃响三声内接起，报热线名称问好；结束前确认问题已解决、询问是否还有其他需要，待客户先挂机。',
    category: 'service-standards',
    tags: ['接听', '服务用语', '开场白', '结束语'],
    hotlines: ['warranty', 'rescue', 'it-support'],
    ticketTypes: ['inquiry'],
    ivrPaths: [],
    body: `- 铃响三声内接起："您好，这里是 XX 服务热线，我是 XX 号，请问有什么可以帮您？"
- 需要客户等待时先征得同意，等待超过 30 秒要回到线上说明进度；
- 转接前告知客户转往哪个部门及原因；
- 结束前复述处理结果，询问"请问还有其他可以帮您的吗？"；
- 感谢客户来电，待客户先挂机后再挂断。`,
  },
];
