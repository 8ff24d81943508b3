//! Huawei Cloud's command-line tool, `KooCLI` (`hcloud`), as the Huawei targets' vendor commands
//! use it: the JSON body in a file (`--cli-jsonInput`), not in arguments.

use super::VendorCommand;
use crate::lang::Words;

/// The note every Huawei command carries about its body file.
pub(super) const BODY_NOTE: Words = Words::new(
    "KooCLI reads the body (the certificates, and the private key where there is one) from a JSON\n\
     file (--cli-jsonInput) made under umask 077 and removed afterwards: none of it is an argument,\n\
     which other users of the machine could see in `ps`.",
    "KooCLI 从 JSON 文件读取请求体（证书，以及有私钥时的私钥）（--cli-jsonInput）；该文件在 umask 077\n\
     下创建，用后删除。请求体不作为命令行参数传入（同一台机器上的其他用户可用 `ps` 看到参数）。",
);

/// Gives `command` the JSON body as it is sent (`body`, a JSON object) in the file `file`
/// (`SERVICE_Operation.json`, as `KooCLI`'s guide names it; it must end in `.json`), as
/// `{"body": BODY}` through `--cli-jsonInput`. `KooCLI` takes the parameters of one position (path,
/// query, body) all from the file or all from the command line: the path's stay arguments.
/// <https://support.huaweicloud.com/intl/en-us/usermanual-hcli/hcli_05_12.html>,
/// <https://support.huaweicloud.com/intl/en-us/hcli_faq/hcli_19_004.html>
pub(super) fn json_body(command: VendorCommand, file: &str, body: &str) -> VendorCommand {
    // `body` is JSON text, so the object around it is JSON too, holding it byte for byte.
    command.path("--cli-jsonInput", file, &format!("{{\"body\":{body}}}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::CliArg;

    #[test]
    fn the_body_is_one_json_file() {
        let body = r#"{"certificate":{"private_key":"-----BEGIN EC PRIVATE KEY-----\n"}}"#;
        let command = json_body(
            VendorCommand::new("hcloud", &["ELB"], &[]),
            "ELB_X.json",
            body,
        );
        let file: serde_json::Value = serde_json::from_str(&command.files[0].1).unwrap();
        assert_eq!(
            file["body"],
            serde_json::from_str::<serde_json::Value>(body).unwrap()
        );
        assert_eq!(
            command.args,
            [CliArg::Path {
                name: "--cli-jsonInput".into(),
                file: "ELB_X.json".into()
            }]
        );
    }
}
