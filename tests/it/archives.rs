//! ZIP archives beside other inputs (analysis/archive.rs, the job): an archive's password file
//! opens the archive's own files, and the password given to the analysis the other inputs, so
//! that a Tomcat download and a separately encrypted key are read in one analysis.

use crate::corpus::{self, NOW_SINCE_EPOCH};
use cert_preflight::analysis::{Input, Options, analyze_with};
use cert_preflight::diagnostic::Code;

#[test]
fn an_archives_password_file_opens_its_files_and_the_given_password_the_others() {
    let archive_case = "archive-tomcat-download-pfx-and-password-file";
    let key_case = "key-encrypted-pkcs8-pbkdf2-aes256";
    let zip = std::fs::read(corpus::inspect_input(
        archive_case,
        "example.com_tomcat.test-only.zip",
    ))
    .unwrap();
    let key = std::fs::read(corpus::inspect_input(key_case, "leaf-key.test-only.pem")).unwrap();
    let passphrase = corpus::passphrase(&corpus::vectors("inspect").join(key_case)).unwrap();
    assert!(corpus::passphrase(&corpus::vectors("inspect").join(archive_case)).is_none());
    let options = Options {
        now: NOW_SINCE_EPOCH,
        passphrase: Some(&passphrase),
        pkcs12_password: Some(&passphrase),
    };
    for inputs in [
        [Input::new("tomcat.zip", &zip), Input::new("key.pem", &key)],
        [Input::new("key.pem", &key), Input::new("tomcat.zip", &zip)],
    ] {
        let report = analyze_with(&inputs, &options).report;
        let keys: Vec<(&str, bool)> = report
            .private_keys
            .iter()
            .map(|k| (k.file.as_str(), k.decrypted))
            .collect();
        assert_eq!(keys.len(), 2, "{keys:?}");
        assert!(
            keys.iter().all(|&(_, decrypted)| decrypted),
            "each key opened with its own password: {keys:?}"
        );
        assert!(keys.contains(&("tomcat.zip/example.com.pfx", true)));
        // No message quotes the password given or the archive's (generate.py's TOMCAT_PASSWORD).
        let text = report.to_string();
        assert!(!text.contains(&passphrase) && !text.contains("k7Qz9pWx2Lr4"));
    }
}

/// A stale password file (its password no longer the PKCS#12 file's): with no password given, the
/// file's wrong password is said; with the right one given, that one opens the file.
#[test]
fn a_wrong_password_file_gives_way_to_the_password_given() {
    let case = "pkcs12-modern-aes256-pbkdf2";
    let p12 = std::fs::read(corpus::inspect_input(case, "bundle.test-only.p12")).unwrap();
    let passphrase = corpus::passphrase(&corpus::vectors("inspect").join(case)).unwrap();
    let zip = crate::hostile::inputs::zip_of(&[
        ("server.pfx".to_owned(), &p12[..]),
        ("keystorePass.txt".to_owned(), &b"stale password\r\n"[..]),
    ]);
    let analyse = |given: Option<&str>| {
        let options = Options {
            now: NOW_SINCE_EPOCH,
            passphrase: given,
            pkcs12_password: given,
        };
        analyze_with(&[Input::new("iis.zip", &zip)], &options).report
    };
    let codes = |report: &cert_preflight::analysis::Report| -> Vec<Code> {
        report.diagnostics.iter().map(|d| d.code).collect()
    };
    let stale = analyse(None);
    assert!(
        codes(&stale).contains(&Code::WrongPkcs12Password),
        "{:?}",
        codes(&stale)
    );
    let given = analyse(Some(&passphrase));
    assert!(
        !codes(&given).contains(&Code::WrongPkcs12Password),
        "{:?}",
        codes(&given)
    );
    assert!(given.private_keys.iter().all(|k| k.decrypted) && !given.private_keys.is_empty());
    let direct = analyze_with(
        &[Input::new("server.pfx", &p12)],
        &Options {
            now: NOW_SINCE_EPOCH,
            passphrase: Some(&passphrase),
            pkcs12_password: Some(&passphrase),
        },
    )
    .report;
    let fingerprints = |report: &cert_preflight::analysis::Report| -> Vec<String> {
        report
            .certificates
            .iter()
            .map(|c| c.sha256.clone())
            .collect()
    };
    assert_eq!(fingerprints(&given), fingerprints(&direct));
    assert!(!given.to_string().contains("stale password"));
}
