//! The page's Worker as the core runs it (`page_worker`): its answers cross as bytes and come
//! back equal; what it shows is what the core's own entry points say of the same material; routing,
//! fixes and requests asked of it by message; no answer ever holds a passphrase or a secret.

use crate::corpus::{self, NOW_SINCE_EPOCH};
use cert_preflight::analysis::{Analysis, Input, Options, Role, analyze_with};
use cert_preflight::diagnostic::Code;
use cert_preflight::diagnostic::Severity;
use cert_preflight::fix_choice::{Fix, Rewrite};
use cert_preflight::lang::Lang;
use cert_preflight::material_routing::{Moved, PASTED, Slot};
use cert_preflight::page_view::{CertificateView, LIST_LIMIT, List, RequestView, View, Whole};
use cert_preflight::page_worker::{
    self, Boxes, Credentials, File, FromWorker, Material, ToWorker, Worker,
};
use cert_preflight::providers::{self, Fields, Mode, ProviderId};
use cert_preflight::signing::{Scheme, Secret};
use cert_preflight::{auth, request};
use std::path::Path;

/// A case's input files, all in the certificate box.
fn case_boxes(case: &Path) -> Boxes {
    let mut boxes = Boxes::default();
    for path in corpus::files(&case.join("input")) {
        boxes.certificates.files.push(File::new(
            path.file_name().unwrap().to_string_lossy(),
            std::fs::read(&path).unwrap(),
        ));
    }
    boxes
}

fn analyse(
    generation: u64,
    boxes: Boxes,
    passphrase: &str,
    route: bool,
    target: ProviderId,
) -> ToWorker {
    ToWorker::Analyse {
        generation,
        boxes,
        passphrase: passphrase.to_owned(),
        now: NOW_SINCE_EPOCH,
        route,
        target,
        fields: default_fields(target),
    }
}

/// The answer after its trip as bytes, as the page reads it; and its bytes as text, to look for
/// what must not be there.
#[track_caller]
fn crossed(answer: &FromWorker) -> (String, FromWorker) {
    let bytes = page_worker::encode(answer);
    let back: FromWorker = page_worker::decode(&bytes).unwrap();
    (String::from_utf8_lossy(&bytes).into_owned(), back)
}

#[track_caller]
fn view_of(answer: &FromWorker) -> &View {
    match answer {
        FromWorker::Shown { view, .. } => view,
        _ => panic!("not a view"),
    }
}

/// The core's own analysis of the certificate box's files (`analyze_with`), and their text as given.
fn direct_analysis(boxes: &Boxes, passphrase: &str) -> (Analysis, String) {
    let inputs: Vec<Input<'_>> = boxes
        .certificates
        .files
        .iter()
        .map(|f| Input {
            name: &f.name,
            bytes: &f.bytes,
            role: Role::Certificates,
            size: None,
        })
        .collect();
    let passphrase = (!passphrase.is_empty()).then_some(passphrase);
    let analysis = analyze_with(
        &inputs,
        &Options {
            now: NOW_SINCE_EPOCH,
            passphrase,
            pkcs12_password: passphrase,
        },
    );
    let before = cert_preflight::material_routing::certificate_text_as_given(
        std::iter::once((PASTED, &b""[..])).chain(inputs.iter().map(|i| (i.name, i.bytes))),
    );
    (analysis, before)
}

fn default_fields(target: ProviderId) -> Fields {
    Fields {
        values: Vec::new(),
        region: target.spec().default_region.to_owned(),
    }
}

/// The core's own answer for the same material: `analyze_with` and `providers::prepare`.
fn direct_view(boxes: &Boxes, passphrase: &str, target: ProviderId) -> View {
    direct_view_with(boxes, passphrase, target, &Whole::default())
}

/// The same, with the lists in `whole` shown whole.
fn direct_view_with(boxes: &Boxes, passphrase: &str, target: ProviderId, whole: &Whole) -> View {
    let (analysis, before) = direct_analysis(boxes, passphrase);
    let fields = default_fields(target);
    let preparation = providers::prepare(target, Mode::Request, &analysis, &before, &fields);
    View::new(
        &analysis,
        &preparation,
        &fields,
        &before,
        NOW_SINCE_EPOCH,
        whole,
    )
}

#[test]
fn over_the_corpus_every_view_crosses_unchanged_and_is_what_the_core_says() {
    for (index, case) in corpus::inspect_cases().iter().enumerate() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let passphrase = corpus::passphrase(case).unwrap_or_default();
        let boxes = case_boxes(case);
        // Each target in turn, so that every target's findings cross too.
        let target = ProviderId::all()
            .nth(index % ProviderId::all().count())
            .unwrap();
        let mut worker = Worker::new(target);
        let answer = worker.answer(analyse(7, boxes.clone(), &passphrase, false, target));
        let (text, back) = crossed(&answer);
        assert!(
            back == answer,
            "{name}: the answer changed crossing as bytes"
        );
        let FromWorker::Shown {
            generation,
            routed,
            applied,
            ..
        } = &back
        else {
            panic!("{name}: not a view");
        };
        assert_eq!(*generation, 7, "{name}");
        assert!(routed.is_none() && applied.is_none(), "{name}");
        assert!(
            *view_of(&back) == direct_view(&boxes, &passphrase, target),
            "{name}: the Worker's view differs from the core's"
        );
        if !passphrase.is_empty() {
            assert!(
                !leaks(&text, &passphrase),
                "{name}: the passphrase is in the answer"
            );
        }
    }
}

/// Whether `passphrase` is in `text`. A passphrase that is a plain word (NIST PKITS's is
/// "password") is also part of the product's own words ("password-protected keys"): it counts
/// only standing alone, not joined to letters, digits or a hyphen.
fn leaks(text: &str, passphrase: &str) -> bool {
    if !passphrase.chars().all(|c| c.is_ascii_lowercase()) {
        return text.contains(passphrase);
    }
    let joined = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-');
    text.match_indices(passphrase).any(|(at, _)| {
        !joined(text[..at].chars().next_back())
            && !joined(text[at + passphrase.len()..].chars().next())
    })
}

#[test]
fn a_passphrase_that_is_a_word_counts_standing_alone() {
    assert!(leaks("the key \"password\" was used", "password"));
    assert!(leaks("\u{8}password\u{1}", "password"));
    assert!(!leaks("refuses password-protected keys", "password"));
    assert!(leaks(
        "x correct horse battery staple y",
        "correct horse battery staple"
    ));
}

#[track_caller]
fn read(case: &str, file: &str) -> String {
    std::fs::read_to_string(corpus::inspect_input(case, file)).unwrap()
}

#[test]
fn a_key_pasted_with_the_chain_is_routed_to_its_box_and_only_when_asked() {
    let chain = read("key-pkcs1-rsa-matches-leaf", "chain.pem");
    let key = read("key-pkcs1-rsa-matches-leaf", "leaf-key.test-only.pem");
    let mut boxes = Boxes::default();
    boxes.certificates.pasted = format!("{chain}\n{key}").into();
    let target = ProviderId::default();
    let mut worker = Worker::new(target);

    let answer = worker.answer(analyse(1, boxes.clone(), "", true, target));
    let FromWorker::Shown {
        routed: Some(routed),
        view,
        ..
    } = crossed(&answer).1
    else {
        panic!("the key was not routed");
    };
    assert_eq!(routed.moved, vec![Moved::Keys]);
    assert!(!routed.certificates.contains("PRIVATE KEY"));
    assert!(routed.key.contains("-----BEGIN RSA PRIVATE KEY-----"));
    // The view is of the routed material: the key is read from the key box, and matches.
    let has = |view: &View, code| view.findings.iter().any(|f| f.code == code);
    assert!(has(&view, Code::KeyMatchesCertificate));
    assert!(!has(&view, Code::NotACertificate));

    // Not asked to route (the certificate box did not change): nothing moves, and the key is
    // found where it was pasted.
    let answer = worker.answer(analyse(2, boxes, "", false, target));
    assert!(matches!(answer, FromWorker::Shown { routed: None, .. }));
    assert!(has(view_of(&answer), Code::NotACertificate));
}

/// Files given to the certificate box are routed by the Worker, which reads them (the page's main
/// thread never looks into a file): a key file and a request file move to their boxes, in the
/// Worker and, by the answer's `files`, in the page's copy of the boxes; a chain file stays.
#[test]
fn files_given_to_the_certificate_box_are_routed_by_the_worker() {
    let file = |case: &str, name: &str| File::new(name, read(case, name).into_bytes());
    let mut boxes = Boxes::default();
    boxes.certificates.files = vec![
        file("key-pkcs1-rsa-matches-leaf", "chain.pem"),
        file("key-pkcs1-rsa-matches-leaf", "leaf-key.test-only.pem"),
        file("csr-matches-leaf", "request.csr"),
    ];
    let target = ProviderId::default();
    let mut worker = Worker::new(target);
    let has = |view: &View, code| view.findings.iter().any(|f| f.code == code);

    // Not asked to route: the files stay, and the key and request are read where they were given.
    let answer = worker.answer(analyse(1, boxes.clone(), "", false, target));
    assert!(matches!(answer, FromWorker::Shown { routed: None, .. }));
    assert!(has(view_of(&answer), Code::NotACertificate));

    let answer = worker.answer(analyse(2, boxes.clone(), "", true, target));
    let FromWorker::Shown {
        routed: Some(routed),
        view,
        ..
    } = crossed(&answer).1
    else {
        panic!("the files were not routed");
    };
    assert_eq!(routed.files, [(1, Slot::Key), (2, Slot::Csr)]);
    assert!(routed.moved.is_empty(), "no pasted text moved");
    assert!(has(&view, Code::KeyMatchesCertificate));
    assert!(!has(&view, Code::NotACertificate));

    // The page moves its copy the same way: the next analysis of it, routed again, moves nothing.
    boxes.take_routed(&routed);
    let names = |material: &Material| {
        material
            .files
            .iter()
            .map(|f| f.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&boxes.certificates), ["chain.pem"]);
    assert_eq!(names(&boxes.key), ["leaf-key.test-only.pem"]);
    assert_eq!(names(&boxes.csr), ["request.csr"]);
    let again = worker.answer(analyse(3, boxes, "", true, target));
    assert!(matches!(again, FromWorker::Shown { routed: None, .. }));
    assert_eq!(view_of(&again).findings, view.findings);
}

/// A quoted chain, a root typed in full-width and a key from a chat app, all pasted into the
/// certificate box (the vector case made by textwrap, a full-width translation and zero-width
/// spaces): the key moves to its box as clean PEM, and the view still says what was undone, where
/// in the paste, exactly as the analysis of the paste as given says it.
#[test]
fn what_recovery_undid_to_a_routed_paste_is_still_said() {
    let mangled = |file| read("recovered-mail-chat-and-input-methods", file);
    let key = mangled("b-chat.txt");
    let pasted = format!(
        "{}\n{}\n{key}",
        mangled("a-reply.txt"),
        mangled("d-full-width.txt")
    );
    let mut boxes = Boxes::default();
    boxes.certificates.pasted = pasted.as_str().into();
    let target = ProviderId::default();
    let recovery = |view: &View| -> Vec<(Code, String)> {
        view.findings
            .iter()
            .filter(|f| f.code.as_str().starts_with("recovered-"))
            .map(|f| (f.code, f.place.en().to_owned()))
            .collect()
    };

    // As given, unrouted: what the analysis of the paste itself says.
    let as_given = Worker::new(target).answer(analyse(1, boxes.clone(), "", false, target));
    let expected = recovery(view_of(&as_given));
    let count = |code| expected.iter().filter(|(c, _)| *c == code).count();
    assert_eq!(count(Code::RecoveredLinePrefix), 2, "{expected:?}");
    assert_eq!(count(Code::RecoveredLookAlikes), 2, "{expected:?}");

    let answer = Worker::new(target).answer(analyse(2, boxes, "", true, target));
    let (text, back) = crossed(&answer);
    let FromWorker::Shown {
        routed: Some(routed),
        view,
        ..
    } = back
    else {
        panic!("nothing was routed");
    };
    assert_eq!(routed.moved, vec![Moved::Keys, Moved::Recovered]);
    assert!(
        routed.key.starts_with("-----BEGIN PRIVATE KEY-----\n"),
        "{}",
        routed.key
    );
    assert!(routed.key.is_ascii(), "the key box holds clean PEM");
    let has = |code| view.findings.iter().any(|f| f.code == code);
    assert!(has(Code::KeyMatchesCertificate));
    assert_eq!(
        recovery(&view),
        expected,
        "the routed view says what was undone"
    );
    assert!(
        expected.iter().all(|(_, place)| place.starts_with(PASTED)),
        "{expected:?}"
    );
    // What recovery says stays with the Worker's view, never as key material.
    let body = routed.key.lines().nth(1).unwrap();
    assert_eq!(
        text.matches(body).count(),
        1,
        "the key's text crosses once, in the routed key box, and in no message"
    );
}

#[test]
fn a_fix_asked_by_message_rewrites_the_material_and_the_next_view_shows_it() {
    let case = corpus::vectors("inspect").join("chain-shuffled");
    let target = ProviderId::default();
    let mut worker = Worker::new(target);
    let shown = worker.answer(analyse(1, case_boxes(&case), "", false, target));
    let view = view_of(&shown);
    assert_eq!(view.chain.verdict.as_str(), "reorderable");
    assert!(view.fixes.contains(&Fix::Order));

    let answer = worker.answer(ToWorker::Apply {
        generation: 2,
        fix: Fix::Order,
    });
    let (_, back) = crossed(&answer);
    let FromWorker::Shown {
        generation: 2,
        applied: Some(applied),
        view,
        ..
    } = back
    else {
        panic!("the fix was not applied");
    };
    let (applied, rewrite) = *applied;
    assert_eq!(applied.fix, Fix::Order);
    let Rewrite::Certificates { pem, keep_files } = rewrite else {
        panic!("the fix rewrote the key");
    };
    assert!(keep_files.is_empty());
    assert_eq!(pem, applied.after);
    assert_eq!(view.chain.verdict.as_str(), "ordered");
    assert!(!view.fixes.contains(&Fix::Order));

    // The page applies the same rewrite to its boxes: they now hold what the Worker analysed.
    let mut boxes = case_boxes(&case);
    boxes.rewrite(&Rewrite::Certificates {
        pem: pem.clone(),
        keep_files: Vec::new(),
    });
    assert!(boxes.certificates.files.is_empty());
    assert_eq!(&*boxes.certificates.pasted, pem.as_str());
}

#[test]
fn an_encrypted_key_converted_by_message_leaves_no_passphrase_in_any_answer() {
    let case = corpus::vectors("inspect").join("key-encrypted-pkcs8-pbkdf2-aes256");
    let passphrase = corpus::passphrase(&case).unwrap();
    let target = ProviderId::default();
    let mut worker = Worker::new(target);
    let mut answers =
        vec![worker.answer(analyse(1, case_boxes(&case), &passphrase, false, target))];
    assert!(view_of(&answers[0]).fixes.contains(&Fix::ConvertKey));
    answers.push(worker.answer(ToWorker::Apply {
        generation: 2,
        fix: Fix::ConvertKey,
    }));
    let FromWorker::Shown {
        applied: Some(applied),
        ..
    } = &answers[1]
    else {
        panic!("the key was not converted");
    };
    assert!(matches!(applied.1, Rewrite::Key { .. }));
    // The converted key is read without the passphrase: the Worker dropped it with the old key.
    answers.push(worker.answer(ToWorker::Prepare {
        generation: 3,
        target,
        fields: Fields::default(),
    }));
    for answer in &answers {
        assert!(!crossed(answer).0.contains(&passphrase));
    }
    assert!(!view_of(&answers[2]).fixes.contains(&Fix::ConvertKey));
}

#[test]
fn a_request_asked_by_message_is_the_one_the_core_builds_and_holds_no_secret() {
    let case = corpus::vectors("inspect").join("public-isrg-root-x1");
    let target = ProviderId::parse("alibaba-slb-ca").unwrap();
    let boxes = case_boxes(&case);
    let mut worker = Worker::new(target);
    worker.answer(analyse(1, boxes.clone(), "", false, target));
    let secret = "worker-test-secret-0123456789";
    let message = ToWorker::Generate {
        generation: 2,
        scheme: Scheme::AlibabaRpcV2,
        credentials: Credentials {
            access_key_id: "LTAI-worker-test".to_owned(),
            secret: secret.to_owned(),
            token_env: String::new(),
            domain_id: String::new(),
        },
        now: NOW_SINCE_EPOCH,
        nonce: "fixed-nonce".to_owned(),
    };
    // The message itself crosses as text too.
    let message: ToWorker =
        serde_json::from_str(&serde_json::to_string(&message).unwrap()).unwrap();
    let answer = worker.answer(message);
    let (text, back) = crossed(&answer);
    assert!(!text.contains(secret));
    let FromWorker::Generated {
        generation: 2,
        request,
    } = back
    else {
        panic!("no request");
    };
    let texts = request.texts.as_ref().expect("built");

    // The same request built by the core's own entry point.
    let (analysis, before) = direct_analysis(&boxes, "");
    let auth = auth::build(
        Scheme::AlibabaRpcV2,
        auth::Given {
            access_key_id: "LTAI-worker-test",
            secret: Secret::new(secret),
            token_env: "",
            domain_id: "",
        },
    );
    let fields = default_fields(target);
    let outcome = request::build(
        target,
        &analysis,
        &before,
        &fields,
        &auth,
        NOW_SINCE_EPOCH,
        "fixed-nonce",
    );
    assert!(*request == RequestView::new(&outcome, NOW_SINCE_EPOCH));
    for lang in Lang::ALL {
        assert!(texts.curl.get(lang).contains("Signature="));
        assert!(!texts.curl.get(lang).contains(secret));
    }
}

#[test]
fn only_new_material_makes_queued_messages_moot() {
    let target = ProviderId::default();
    assert!(analyse(1, Boxes::default(), "", false, target).supersedes());
    assert!(
        !ToWorker::Apply {
            generation: 2,
            fix: Fix::Order
        }
        .supersedes()
    );
    assert!(
        !ToWorker::Prepare {
            generation: 3,
            target,
            fields: Fields::default()
        }
        .supersedes()
    );
    let boxes = Boxes {
        key: Material {
            pasted: "x".into(),
            files: Vec::new(),
        },
        ..Boxes::default()
    };
    assert_eq!(boxes.size(), 1);
    assert!(!boxes.is_empty());
    assert_eq!(&*boxes.get(Slot::Key).pasted, "x");
}

/// Every certificate-only PEM file of the inspect corpus, in the certificate box: well over a
/// hundred real certificates, most not on the one path, many given twice.
fn corpus_certificates() -> Boxes {
    let mut boxes = Boxes::default();
    for case in corpus::inspect_cases() {
        for path in corpus::files(&case.join("input")) {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let labels: Vec<&str> = text
                .lines()
                .filter(|l| l.starts_with("-----BEGIN "))
                .collect();
            if !labels.is_empty() && labels.iter().all(|l| *l == "-----BEGIN CERTIFICATE-----") {
                let name = format!("{}.pem", boxes.certificates.files.len());
                boxes
                    .certificates
                    .files
                    .push(File::new(name, text.into_bytes()));
            }
        }
    }
    boxes
}

#[test]
fn long_lists_carry_their_first_items_and_totals_until_the_page_asks_for_all() {
    let boxes = corpus_certificates();
    let target = ProviderId::default();
    let (analysis, _) = direct_analysis(&boxes, "");
    let report = &analysis.report;
    // Every list of the view is longer than the page shows at first.
    let everything: View = {
        let mut whole = Whole::default();
        for list in [
            List::Certificates,
            List::Path,
            List::NotOnPath,
            List::Duplicates,
        ]
        .into_iter()
        .chain(Severity::ALL.map(List::Findings))
        {
            whole.insert(list);
        }
        direct_view_with(&boxes, "", target, &whole)
    };
    assert!(
        report.certificates.len() > LIST_LIMIT,
        "{}",
        report.certificates.len()
    );
    assert!(report.chain.not_on_path.len() > LIST_LIMIT);
    assert!(report.chain.duplicates.len() > LIST_LIMIT);
    let of = |view: &View, severity| {
        view.findings
            .iter()
            .filter(|f| f.severity == severity)
            .cloned()
            .collect::<Vec<_>>()
    };
    assert!(of(&everything, Severity::Warning).len() > LIST_LIMIT);
    // The whole view has every certificate in input order, and every finding.
    let all_cards: Vec<CertificateView> = report
        .certificates
        .iter()
        .map(CertificateView::new)
        .collect();
    assert!(everything.certificates == all_cards);
    for severity in Severity::ALL {
        assert_eq!(
            everything.finding_counts.of(severity),
            of(&everything, severity).len()
        );
    }

    let mut worker = Worker::new(target);
    let answer = worker.answer(analyse(1, boxes.clone(), "", false, target));
    let (_, back) = crossed(&answer);
    assert!(back == answer);
    let cut = view_of(&back).clone();
    assert!(cut == direct_view(&boxes, "", target));
    // The first items of each list, in their order, and the totals: counts and verdict unchanged.
    assert!(cut.certificates[..] == all_cards[..LIST_LIMIT]);
    assert_eq!(cut.certificate_count, report.certificates.len());
    assert_eq!(cut.finding_counts, everything.finding_counts);
    for severity in Severity::ALL {
        let all = of(&everything, severity);
        assert!(of(&cut, severity)[..] == all[..all.len().min(LIST_LIMIT)]);
    }
    let chain = &cut.chain;
    assert_eq!(chain.verdict, report.chain.verdict);
    assert_eq!(chain.path_length, report.chain.order.len());
    assert_eq!(
        chain.path.iter().map(|n| n.index).collect::<Vec<_>>(),
        report.chain.order[..report.chain.order.len().min(LIST_LIMIT)]
    );
    assert_eq!(
        chain.not_on_path[..],
        everything.chain.not_on_path[..LIST_LIMIT]
    );
    assert_eq!(chain.not_on_path_count, report.chain.not_on_path.len());
    assert_eq!(
        chain.duplicates[..],
        everything.chain.duplicates[..LIST_LIMIT]
    );
    assert_eq!(chain.duplicate_count, report.chain.duplicates.len());
    // Titles are the cards' (a certificate not on the path is named as its card names it).
    for (index, title) in &everything.chain.not_on_path {
        assert_eq!(*title, all_cards[*index].title);
    }

    // "Show all", one list at a time: that list comes whole, the others stay cut.
    let shown = worker.answer(ToWorker::ShowAll {
        generation: 2,
        list: List::Certificates,
    });
    let (_, back) = crossed(&shown);
    let FromWorker::Shown {
        generation: 2,
        view,
        routed: None,
        applied: None,
    } = back
    else {
        panic!("not the view of generation 2");
    };
    assert!(view.certificates == all_cards);
    assert!(view.findings == cut.findings);
    let view = view_of(&worker.answer(ToWorker::ShowAll {
        generation: 3,
        list: List::Findings(Severity::Warning),
    }))
    .clone();
    assert!(of(&view, Severity::Warning) == of(&everything, Severity::Warning));
    assert!(
        view.certificates == all_cards,
        "a list once whole stays whole"
    );
    for list in [List::NotOnPath, List::Duplicates, List::Path] {
        worker.answer(ToWorker::ShowAll {
            generation: 4,
            list,
        });
    }
    let view = view_of(&worker.answer(ToWorker::Prepare {
        generation: 5,
        target,
        fields: default_fields(target),
    }))
    .clone();
    assert!(
        view.chain == everything.chain,
        "a target's checks keep the lists asked for"
    );

    // New material: every list is cut again.
    let again = worker.answer(analyse(6, boxes, "", false, target));
    assert!(*view_of(&again) == cut);
}

#[test]
fn a_message_written_into_its_sized_buffer_is_the_same_bytes() {
    let target = ProviderId::default();
    let mut boxes = corpus_certificates();
    boxes.key.pasted = read("key-pkcs1-rsa-matches-leaf", "leaf-key.test-only.pem").into();
    let analyse = analyse(1, boxes, "a passphrase", true, target);
    // A message whose fields alone pass the 64 KiB the buffer leaves beyond the material.
    let long = ToWorker::Prepare {
        generation: 2,
        target,
        fields: Fields {
            values: vec![("Tag.1.Value".to_owned(), "x".repeat(100_000))],
            region: String::new(),
        },
    };
    for message in [analyse, long] {
        let bytes = message.encode();
        assert_eq!(bytes, page_worker::encode(&message));
        let back: ToWorker = page_worker::decode(&bytes).unwrap();
        assert_eq!(back.generation(), message.generation());
    }
}

#[test]
fn the_bundle_change_names_the_first_dropped_certificates_and_counts_the_rest() {
    use cert_preflight::fixes::{NAMED_DROPS, RootPolicy, normalise_bundle};
    let boxes = corpus_certificates();
    let (analysis, before) = direct_analysis(&boxes, "");
    let dropped = analysis.report.chain.not_on_path.len();
    assert!(dropped > NAMED_DROPS, "{dropped}");
    let bundle = normalise_bundle(&analysis, RootPolicy::Keep, &before).expect("a bundle");
    let more = dropped - NAMED_DROPS;
    let (en, zh) = bundle
        .changes
        .iter()
        .zip(&bundle.changes_zh)
        .find(|(en, _)| en.contains("not on the leaf's path"))
        .expect("the change that drops certificates");
    assert!(
        en.starts_with(&format!("removed {dropped} certificate(s)")),
        "{en}"
    );
    assert!(en.ends_with(&format!(" and {more} more")), "{en}");
    assert!(zh.ends_with(&format!("另有 {more} 张")), "{zh}");
    // Exactly the first NAMED_DROPS of them, by index and subject, in the report's order.
    for (k, i) in analysis.report.chain.not_on_path.iter().enumerate() {
        let named = format!("#{i} ({})", analysis.certificates[*i].summary.subject);
        assert_eq!(en.contains(&named), k < NAMED_DROPS, "{named}");
    }
}
