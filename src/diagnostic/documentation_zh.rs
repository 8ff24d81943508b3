//! Each [`Code`]'s documentation in Simplified Chinese: one `match` without a wildcard, so that a
//! code added to the table without its Chinese documentation does not compile.

use super::Code;

impl Code {
    /// [`Code::documentation`] in Simplified Chinese: what the code means and how to fix it.
    pub fn documentation_zh(self) -> &'static str {
        match self {
            Self::EmptyInput => "输入只有空白。请粘贴或选择证书材料。",
            Self::NoPemOrDer => {
                "输入中既没有 PEM 块也没有 DER 结构（PDF 文档、Outlook 的 .msg 邮件或其他二进制 Office 文件会被指出）。PEM 证书以 -----BEGIN CERTIFICATE----- 开头；请将证书导出为 PEM 或 DER 后重试。"
            }
            Self::PemMissingEnd => {
                "某个 -----BEGIN …----- 行在下一个 BEGIN 或输入结束前没有对应的 -----END …----- 行。该块可能在复制时被截断：请完整地重新复制。"
            }
            Self::PemLabelMismatch => {
                "块的 END 行标签与 BEGIN 行不同。可能有两个块被合并：请从 BEGIN 行到对应的 END 行逐块复制。"
            }
            Self::PemInvalidBase64 => {
                "PEM 块的内容不是有效的 base64。复制时丢失或多出了字符（邮件客户端、文字处理软件、自动换行的终端）：请重新复制该块。"
            }
            Self::InvalidAsn1 => {
                "字节可以解码，但不是块标签所表示的 ASN.1 结构（证书应为 X.509 Certificate）。文件可能被截断或是其他类型。"
            }
            Self::TextOutsideBlocks => {
                "已忽略 PEM 块之外的文字（例如 openssl 输出的 Bag Attributes 或 subject= 行）。无需处理；服务商只需要这些块。"
            }
            Self::NotACertificate => {
                "在证书输入中发现了私钥或证书请求。它仍会按实际类型分析；请放到它自己的输入中。也用于不会被使用的内容：单独的公钥、Diffie-Hellman 参数（Web 服务器的 ssl_dhparam 文件）、证书吊销列表。"
            }
            Self::UnknownPemLabel => "块的标签本工具不认识。请确认选对了文件。",
            Self::EcParametersSkipped => {
                "EC PARAMETERS 块是 openssl ecparam -genkey 写在私钥之前的曲线名称：不需要（私钥本身写明了曲线），已跳过。无需处理。"
            }
            Self::NotTlsMaterial => {
                "内容属于其他系统，常被误当作证书或其私钥：SSH 密钥（OpenSSH 或 PuTTY 私钥、ssh-rsa AAAA…、RFC 4716 公钥）、OpenPGP 块，或无法读取的 Java 密钥库（JKS、JCEKS：没有目标接受，其私钥只有 Java 能读取）。请给出 CA 签发的证书和与其 CSR 一同生成的私钥；密钥库请重新下载 Nginx 或 Apache 格式的证书（PEM 文件），或用 keytool -importkeystore … -deststoretype PKCS12 转换为 PKCS#12。"
            }
            Self::ArchiveOpened => {
                "ZIP 压缩包（CA 和云控制台常以此形式提供证书下载）：其中含证书、私钥或证书请求的文件作为单独的输入读取，名称为 压缩包.zip/文件；其他文件会列为未读取，其中的压缩包列为未打开（只读取一层）；Word 文档（.docx，XML 的 ZIP 压缩包）或 OpenDocument 文件（.odt、.ods）则读取其正文的文本。无需处理：上传的内容由读取到的内容生成。"
            }
            Self::ArchiveUnreadable => {
                "压缩包或其中的某个文件无法读取：RAR、7-Zip、gzip 或 tar 压缩包（只打开 ZIP）；ZIP 压缩包已损坏或不完整、用压缩包密码加密、使用 deflate 以外的压缩方法、ZIP64 或分卷，或解压后超过上限（单个文件 16 MiB，总共 64 MiB）。请解压后给出其中的文件。"
            }
            Self::ArchivePasswordFile => {
                "已从压缩包中的密码文件（pfx-password.txt、jks-password.txt …，Tomcat 和 IIS 格式的下载包中带有）读取其中 PKCS#12 文件（及加密私钥）的密码；它用于打开压缩包中的文件（它不对时改用向本工具输入的密码），向本工具输入的密码用于其他输入。多个文件夹中各有密码文件时，每个文件先用其所在文件夹的密码文件，再用其他密码文件。"
            }
            Self::ArchivePasswordTriesExhausted => {
                "压缩包中的一个加密文件没有用压缩包中所有的密码文件尝试：一次分析在每个文件的第一个密码文件之外最多再尝试 16 次（每次尝试都要推导密钥），已经用完。请给出该文件的密码，或把该文件和它自己的密码文件一起给出。"
            }
            Self::InputTooLarge => {
                "某个输入未读取：它大于单个输入的上限 32 MiB，或在它之前读取的输入已达总上限 64 MiB（证书、私钥、证书请求以及 CA 发来的压缩包通常只有几 KB 到几 MB）。请确认文件是否选对。"
            }
            Self::OffPathCertificateExpired => {
                "不在叶子证书路径上的证书（与续期后的证书放在一起的旧证书、其他证书链的证书）已过期。它不会被上传：请删除它。"
            }
            Self::UnsentRootNotValid => {
                "叶子证书路径顶端的自签名根证书已过期或尚未生效，但发给目标的证书链不含根证书（客户端使用自己的根证书）：它不妨碍这次上传。请把它从你保存的证书链文件中删除。"
            }
            Self::OffPathCertificateNotYetValid => {
                "不在叶子证书路径上的证书（生效时间晚于被替换证书的续期证书、其他证书链的证书）尚未生效。它不会被上传：请删除它，或在它生效后用它替换当前证书上传。"
            }
            Self::CertificateExpired => {
                "证书的 notAfter 已过：所有服务商都会拒绝或停止使用它。请向 CA 续期证书。"
            }
            Self::CertificateNotYetValid => {
                "证书的 notBefore 在未来：在此之前客户端会拒绝它。请检查签发机器的时钟，或等到生效时间。"
            }
            Self::CertificateExpiresSoon => {
                "证书将在 30 天内过期。请在上传前安排续期。不在叶子证书路径上的证书不会被上传，不对它提示。"
            }
            Self::WeakSignatureHash => {
                "证书使用 SHA-1 或 MD5 签名。除自签名根证书外，浏览器、现行 TLS 客户端和一些服务商都拒绝这种签名：请以 SHA-256 重新签发。不在叶子证书路径上的证书不会被上传，不对它提示。"
            }
            Self::WeakRsaKey => {
                "RSA 密钥（证书、请求或私钥中的）不足 2048 位。CA 已不再为这种密钥签发证书：请生成新密钥。不在叶子证书路径上的证书不会被上传，不对它提示。"
            }
            Self::SerialNumberNotRfc5280 => {
                "证书的序列号不符合 RFC 5280 §4.1.2.2 对 CA 的要求：不超过 20 个字节的正整数（`openssl x509 -set_serial` 可以写入任意值）。它照常被读取；OpenSSL 和 Java 接受它，更严格的软件会拒绝（Go 1.23 起拒绝负数序列号，RustCrypto 的 x509-cert 默认拒绝超过 20 个字节的序列号）。所查阅的服务商文档都没有说会拒绝它。如果有软件拒绝它，请重新签发。不在叶子证书路径上的证书不会被上传，不对它提示。"
            }
            Self::ChainDuplicateCertificate => {
                "同一张证书出现了多次。服务商可能拒绝该证书链；只保留一份。"
            }
            Self::ChainOutOfOrder => {
                "证书没有按证书链顺序排列（叶子证书在前，每个颁发者在它签发的证书之后）。一些服务商会拒绝或错误使用这种证书链；修复会重新排序。"
            }
            Self::ContainerCertificateOrder => {
                "同一个 PKCS#12 或 PKCS#7 文件中证书的存放顺序与证书链顺序不同（NSS 把叶子证书放在最后），或 ZIP 压缩包把证书放在不同的文件中、按文件名的顺序读取（Apache 下载包的证书和证书链）。这种顺序没有含义，也无法选择；上传的内容按证书链顺序生成。无需处理。"
            }
            Self::ContainerDuplicateCertificate => {
                "同一个 PKCS#12 或 PKCS#7 文件中同一张证书出现了两次（Java 密钥库把 CA 证书既放在私钥的证书链里，又作为受信任条目保存），或同一个 ZIP 压缩包的两个文件中都有它（按服务器类型各给一份文件的下载包：Nginx 的 PEM、IIS 的 PKCS#12）。上传的内容只保留一份。无需处理。"
            }
            Self::ChainCertificateNotOnPath => {
                "某张证书不在叶子证书到根证书的路径上：它属于另一条证书链。请删除它。如果它是另一张终端实体证书（续期前的旧证书、其他站点的证书），消息会说明取了哪一张作为叶子证书以及原因：先取给出了私钥的那张，其次取当前有效的那张，最后取先给出的那张。"
            }
            Self::ChainOtherFormOfCa => {
                "叶子证书路径之外的一张 CA 证书与路径上的某张证书有相同的使用者和密钥，只是颁发者不同：根证书的自签名版本与其交叉签名版本（CA 同时提供两者，供只信任旧根证书的客户端使用）。路径只用其中一张；另一张不会被上传，也不缺少什么。只有当客户端只信任交叉签名的颁发者时，才单独给出交叉签名的那一张。"
            }
            Self::ChainSignatureMismatch => {
                "某张证书的颁发者名称正确，但签名无法用它的公钥验证：这是另一张同名的 CA 证书（换过密钥或交叉签名）。请获取密钥标识符匹配的颁发者证书。"
            }
            Self::ChainMissingIssuer => {
                "给出的证书连不起来：中间缺少一张中间证书。消息会给出要找的颁发者及其密钥标识符。"
            }
            Self::ChainIncomplete => {
                "只给出了叶子证书，没有它的颁发者：证书链不完整。没有该中间证书的客户端会失败：请加上 CA 提供的中间证书。"
            }
            Self::ChainRootNotIncluded => {
                "证书链止于中间证书，不含根证书。只要根证书在客户端的信任库中，这正是多数上传 API 想要的。"
            }
            Self::ChainRootIncluded => {
                "证书链包含自签名根证书。多数上传 API 希望不含根证书；有些也接受。"
            }
            Self::IssuerNotCa => {
                "路径上的某张证书签发了其他证书，但它不是 CA（basicConstraints cA 不为 TRUE）。客户端会拒绝该证书链。"
            }
            Self::IssuerLacksKeyCertSign => {
                "颁发者的 keyUsage 不含 keyCertSign。客户端会拒绝该证书链。"
            }
            Self::PathLengthExceeded => {
                "某个 CA 的 pathLenConstraint 允许的下级中间证书数少于证书链中的数目。"
            }
            Self::SelfSignedLeaf => {
                "叶子证书是自签名的（且不是 CA）：除非特别配置，客户端都不会信任它。"
            }
            Self::EncryptedKeyNeedsPassphrase => {
                "给出了加密的私钥，但没有口令。请提供口令（它不会离开本机），或导出未加密的私钥。"
            }
            Self::WrongPassphrase => "口令无法解密该私钥。请核对口令（以及键盘布局）。",
            Self::Pkcs12NeedsPassword => {
                "打开 PKCS#12（.p12/.pfx）文件需要密码。请提供密码（它不会离开本机）。"
            }
            Self::WrongPkcs12Password => "密码无法打开该 PKCS#12 文件（MAC 校验或解密失败）。",
            Self::OldOpensslPassword => {
                "只有按 OpenSSL 1.1.0 之前的方式编码含非 ASCII 字符的密码（把 UTF-8 的每个字节当作一个字符，而 RFC 7292 要求 UTF-16；较旧服务器上的 OpenSSL 1.0.2 仍这样写），该密码才能打开此 PKCS#12 文件或私钥。证书和私钥已读出；Windows、Java 和多数其他工具会认为此文件的密码错误。如需在别处使用此文件，请用 OpenSSL 1.1.0 或更高版本重新导出。"
            }
            Self::UnsupportedEncryption => {
                "私钥或容器使用了本工具不支持的加密方式。请用 AES-256（PBES2）重新导出，例如 openssl pkcs8 -topk8 -v2 aes-256-cbc。Java 密钥库（JKS、JCEKS）的私钥以 Java 自有的方案保护，只有 Java 能读取（密钥库中的证书会被读取）：请用 keytool -importkeystore … -deststoretype PKCS12 把密钥库转换为 PKCS#12。"
            }
            Self::KeystoreKeyNotNeeded => {
                "Java 密钥库的私钥以 Java 自有的方案保护，没有读取；但密钥库中有叶子证书，而叶子证书的私钥已在另一个文件中给出（按服务器类型各给一份文件的下载包：Tomcat 的密钥库旁边有 Nginx 的 PEM 私钥）。无需处理。"
            }
            Self::KeyDoesNotMatchCertificate => {
                "证书的公钥与私钥不匹配：私钥不是叶子证书的私钥。消息会说明它属于哪张证书（如果有）。上传后服务商会返回密钥不匹配的错误。"
            }
            Self::KeyMatchesCertificate => "私钥与叶子证书匹配。",
            Self::CsrSignatureInvalid => "证书请求自身的签名无法验证：它被改动或损坏了。",
            Self::CsrDoesNotMatchCertificate => {
                "证书请求的公钥不是叶子证书的公钥：证书是为另一个请求（另一个密钥）签发的。"
            }
            Self::CsrDoesNotMatchKey => "证书请求的公钥不是该私钥的公钥。",
            Self::Pkcs7WithoutCertificates => {
                "PKCS#7 证书包中没有证书（给的是只含 CRL 或分离签名的文件）。请重新导出带证书的 .p7b，或导出为 PEM（openssl pkcs7 -print_certs）。"
            }
            Self::FieldMissing => {
                "缺少目标 API 必需的请求字段。请用 --field NAME=VALUE 给出（或在页面表单中填写）。"
            }
            Self::FieldInvalid => {
                "请求字段的值违反了目标 API 记载的规则（格式、允许的值、与其他字段的组合）。消息会引用规则及其来源。"
            }
            Self::FieldTooLong => {
                "请求字段超过了目标 API 允许的长度（字符数或列表项数）。服务商会拒绝该请求；请缩短。"
            }
            Self::FieldOverDisputedLimit => {
                "值未超过一个记载的上限，但超过了另一个更低的上限（服务商的文档不一致）。可能被拒绝；消息会给出两个来源。"
            }
            Self::FieldUnknown => {
                "该字段不是目标 API 的参数，或者它取自证书材料。消息会列出目标接受的字段。"
            }
            Self::FieldIgnored => {
                "该字段会被接受，但对此请求不起作用（例如 type 不是 server 时的 domain，或 API 从不接受的私钥）。请求中不包含它。"
            }
            Self::TargetCertificateCount => {
                "目标接受的证书数与给出的不同（阿里云 SLB UploadCACertificate 只接受一张；华为云 ELB 最多 11 张）。"
            }
            Self::TargetNeedsCaCertificate => {
                "目标在此需要 CA 证书（basicConstraints cA=TRUE 且有 keyCertSign），而这张证书不是。"
            }
            Self::TargetKeyAlgorithm => "证书的密钥算法或长度不在目标接受的范围内。",
            Self::TargetKeyAlgorithmUnlisted => {
                "证书的密钥算法或长度不在目标的列表中，但该列表针对的是同类 API 或来源说法不一；可能仍被接受。"
            }
            Self::FieldUnverifiedRule => {
                "该值违反了只在同类 API 或某一个来源中记载的规则；服务商可能接受。消息会给出来源。"
            }
            Self::TargetSignatureAlgorithm => "证书的签名哈希不在目标接受的范围内。",
            Self::TargetNeedsPrivateKey => {
                "目标需要私钥（华为云 ELB 的 server 和 server_sm 证书等），但未提供私钥，或私钥无法解密。"
            }
            Self::TargetCsrNotGiven => {
                "目标会用它生成的 CSR 核对证书（阿里云 KMS、华为云 CCM 私有 CA）。请提供该 CSR，以便上传前检查是否匹配。"
            }
            Self::TargetKeyReencoded => {
                "私钥的编码是目标已知会拒绝或处理不当的；请求使用修复中显示的重新编码后的私钥（同一私钥，另一种编码）。"
            }
            Self::AnswerRepeatsKey => {
                "目标对上传的应答会返回发送给它的私钥（华为云 ELB：私钥回显开关对项目默认开启，除非已关闭，创建、修改、查询详情和列表接口的应答都会显示私钥）。生成的命令输出时以 ****** 代替；回显开启期间，凡能读取该项目证书的人都能读回私钥。"
            }
            Self::TargetBundleNormalised => {
                "已为目标规范化证书（顺序、重复、无关证书、根证书、换行符、行长、块之间的文字）。修复中显示前后对比。"
            }
            Self::TargetChainIncomplete => {
                "随证书发送的证书链未到达根证书：证书链不完整。目标会接受，但以后无法导出完整的证书链。"
            }
            Self::DomainNotCovered => {
                "domain 字段中的某个域名不在证书的域名中（SAN，或没有 DNS SAN 时的通用名称）。访问它的客户端会遇到域名不匹配。"
            }
            Self::RegionNotListed => {
                "该地域/区域不在目标文档或 SDK 为此 API 列出的范围内。请求仍按由它推出的地址生成；请检查地域/区域 ID。"
            }
            Self::UrlTooLong => {
                "请求 URL 很长（ACS3 签名像官方 SDK 一样把参数放在查询中）。超过约 8 KiB 时网关会返回 414 Request-URI Too Large：请改用 --auth v2，它把参数放在请求体中。"
            }
            Self::RecoveredJsonDocument => {
                "输入是 JSON 文档（API 示例、Terraform 状态、JSON 清单）：已按文档顺序取出其字符串值中的 PEM。消息会给出值的路径。"
            }
            Self::RecoveredDocumentValue => {
                "PEM 是其他文本中 key: value 或 key = value 的值（如 Kubernetes 清单的 YAML、配置文件）：已取出。消息会给出键名。"
            }
            Self::RecoveredLookAlikes => {
                "块的各行中有只是看起来像 PEM 字符的字符：不换行空格等 Unicode 空格（网页、文字处理软件）、零宽字符（聊天软件和知识库在长行换行处插入）、全角字符（输入法处于全角模式：－－－－－ＢＥＧＩＮ）、不是连字符的破折号（自动更正产生的 – 和 —）；或手工输入的 BEGIN/END 行（两侧各 3 到 10 个短横线、小写）。已按 PEM 改写，只改块的各行。"
            }
            Self::RecoveredLinePrefix => {
                "块的每一行都以相同的符号开头：>（邮件引用，引用两次为 > >）、#、//、* 或 ;（脚本、源文件或配置文件中被注释掉的块）、+（diff 中新增的行）。已去掉。"
            }
            Self::RecoveredSourceStrings => {
                "块的每一行都是源代码中的字符串字面量（C 的 \"…\\n\" \\、Java 的 \"…\\n\" +、JSON 中按行组成的数组）：已去掉引号和转义。"
            }
            Self::RecoveredLineNumbers => {
                "块的每一行都以递增的行号开头（复制自 cat -n、nl、less -N 或代码查看器）：已去掉行号。"
            }
            Self::RecoveredQuotedPrintable => {
                "块的内容是 quoted-printable 编码（邮件源文件 .eml 或“显示原始邮件”中的正文就是这样）：其中的填充符 = 被写成了 =3D。已解码；无需处理。"
            }
            Self::RecoveredQuotes => {
                "PEM 被引号包着（从 JSON 或 YAML 值中连引号一起复制）：已去掉引号。"
            }
            Self::RecoveredJsonEscapes => {
                "PEM 中含有 JSON 字符串转义（\\n、\\r\\n、\\/、\\u002b；以及 YAML 的转义换行），可能是多重转义（\\\\n）：已还原。"
            }
            Self::RecoveredLineBreaks => {
                "某个块被写成一行，或换行处是空格、制表符或 <br> 标签：已恢复换行。"
            }
            Self::RecoveredBase64Pem => {
                "PEM 是整个 PEM 文件的 base64（LS0tLS1CRUdJTi…，如 kubectl get secret -o yaml 显示的 tls.crt）：已解码。"
            }
            Self::RecoveredPercentEncoding => "PEM 经过 URL 编码（%0A、%2B、空格写成 +）：已解码。",
            Self::RecoveredHtmlEntities => "PEM 中含有 HTML 实体（&#10;、&lt;、&amp;）：已解码。",
            Self::RecoveredBareBase64 => {
                "发现了没有 BEGIN/END 行的 base64 内容；试解码后它是证书、证书请求、PKCS#7 证书包或私钥，已按此读取。或者整段文本（或其中某一行的值）是 Java 密钥库的 base64（Kubernetes Secret 中的 keystore.jks 就是这样保存的）：已作为密钥库读取。"
            }
            Self::RecoveredLabelFromContent => {
                "块的标签与内容不符（PUBLIC KEY 或 NEW CERTIFICATE REQUEST 中是证书，TRUSTED CERTIFICATE 中是普通证书）：以内容为准。"
            }
            Self::RecoveryLimitReached => {
                "恢复在上限处停止：嵌套文档或转义层数超过可还原的数目。其中的内容未读取；请解开外层后给出里面的内容。"
            }
            Self::KeyDerivationOverCeiling => {
                "私钥或 PKCS#12 文件要求的密钥派生超过上限（迭代次数或 scrypt 工作量）。真实的工具不会写出这样的文件；不尝试派生。请用工具的默认设置重新导出，例如 openssl pkcs8 -topk8 -v2 aes-256-cbc 或 openssl pkcs12 -export。"
            }
            Self::KeyTypeNotAccepted => {
                "私钥的类型没有任何目标接受（DSA、DH、Ed448、X25519/X448、P-256/P-384/P-521/SM2 之外的曲线、显式曲线参数、未知算法）。它会尽量被读取，但无法上传：请生成目标列出的类型的私钥（RSA 2048、EC P-256…）。"
            }
            Self::KeyInvalid => {
                "私钥不可能有效（RSA 的各值不一致、素数为偶数、未知版本；EC 标量为零或不小于阶、PKCS#8 曲线与其中的 SEC1 不同、公钥不是该标量的）。服务商会拒绝它；请生成新私钥（它可能已损坏或被伪造）。"
            }
            Self::TargetRuleUnconfirmed => {
                "材料违反了一条没有一手来源明确、或来源说法不一的目标规则（消息会列出全部来源）。服务商可能接受；若上传被拒，这很可能是原因。"
            }
            Self::TargetLegacyApi => {
                "目标 API 即将下线（文档已移到“历史版本”页面，官方 CLI 已不再提供）。它可能仍会响应；消息会给出应改用的 API。"
            }
            Self::ChainChecksSkipped => {
                "部分签名检查被跳过：一次分析验证的签名有总量上限，每张证书最多尝试 4 个候选颁发者（按名称和密钥标识符）。消息会列出颁发者或自身签名未经验证的证书。只给出证书链即可检查每一环。"
            }
            Self::DiagnosticsOmitted => {
                "一个输入产生了超过 1,000 条同一代码的诊断（成千上万个空的或损坏的块）：保留前 1,000 条，这一条统计其余的数量。"
            }
        }
    }
}
