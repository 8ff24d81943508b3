//! How a request's [`Auth`] is built from the chosen signing scheme and the credentials the user
//! gave: one rule for the page (typed into its boxes) and the command line (flags and environment
//! variables). Public values are trimmed; an empty account ID means none; the secret is kept as
//! given and never printed.

use crate::request::Auth;
use crate::signing::{Credentials, Scheme, Secret};

/// The credentials given for a request, whatever the scheme: each scheme takes what it needs.
#[derive(Debug)]
pub struct Given<'a> {
    /// The access key ID (AK/SK and both Alibaba schemes).
    pub access_key_id: &'a str,
    /// The access key secret (AK/SK and both Alibaba schemes).
    pub secret: Secret,
    /// The name of the environment variable the generated command reads an IAM token from.
    pub token_env: &'a str,
    /// The account ID of Huawei AK/SK requests to account-level services; empty for none.
    pub domain_id: &'a str,
}

/// What a scheme needs besides the target's fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// An access key: its ID and its secret.
    AccessKey,
    /// The name of the environment variable holding an IAM token.
    TokenVariable,
}

/// What `scheme` needs.
pub fn needs(scheme: Scheme) -> Needs {
    match scheme {
        Scheme::AlibabaRpcV2 | Scheme::AlibabaAcs3 | Scheme::HuaweiAksk => Needs::AccessKey,
        Scheme::HuaweiToken => Needs::TokenVariable,
    }
}

/// The `Auth` of `scheme` with the credentials `given`; what the scheme does not take is dropped.
pub fn build(scheme: Scheme, given: Given<'_>) -> Auth {
    let credentials = || Credentials {
        access_key_id: given.access_key_id.trim().to_owned(),
        secret: given.secret.clone(),
    };
    match scheme {
        Scheme::AlibabaRpcV2 => Auth::AlibabaV2(credentials()),
        Scheme::AlibabaAcs3 => Auth::AlibabaAcs3(credentials()),
        Scheme::HuaweiAksk => Auth::HuaweiAksk {
            credentials: credentials(),
            domain_id: Some(given.domain_id.trim().to_owned()).filter(|d| !d.is_empty()),
        },
        Scheme::HuaweiToken => Auth::HuaweiToken {
            env: given.token_env.trim().to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Scheme; 4] = [
        Scheme::AlibabaRpcV2,
        Scheme::AlibabaAcs3,
        Scheme::HuaweiAksk,
        Scheme::HuaweiToken,
    ];

    fn given<'a>(domain_id: &'a str) -> Given<'a> {
        Given {
            access_key_id: "  LTAI-id \n",
            secret: Secret::new(" s3cret "),
            token_env: " HUAWEI_TOKEN ",
            domain_id,
        }
    }

    #[test]
    fn each_scheme_builds_its_own_auth() {
        for scheme in ALL {
            let auth = build(scheme, given("0b5e"));
            assert_eq!(auth.scheme(), scheme);
            match (&auth, needs(scheme)) {
                (
                    Auth::AlibabaV2(credentials)
                    | Auth::AlibabaAcs3(credentials)
                    | Auth::HuaweiAksk { credentials, .. },
                    Needs::AccessKey,
                ) => {
                    assert_eq!(credentials.access_key_id, "LTAI-id");
                    // The secret is signed with as given: it is never trimmed or rewritten.
                    assert_eq!(credentials.secret.expose(), " s3cret ");
                }
                (Auth::HuaweiToken { env }, Needs::TokenVariable) => {
                    assert_eq!(env, "HUAWEI_TOKEN");
                }
                (auth, needs) => panic!("{scheme:?}: {auth:?} does not take {needs:?}"),
            }
        }
    }

    #[test]
    fn the_account_id_is_trimmed_and_empty_means_none() {
        let domain = |text| match build(Scheme::HuaweiAksk, given(text)) {
            Auth::HuaweiAksk { domain_id, .. } => domain_id,
            other => panic!("{other:?}"),
        };
        assert_eq!(domain(" 0b5e "), Some("0b5e".to_owned()));
        assert_eq!(domain(""), None);
        assert_eq!(domain("  \t"), None);
    }
}
