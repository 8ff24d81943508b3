//! Signing a target's unsigned call: the [`Auth`] chosen (scheme and credentials), the scope
//! header the target's `AuthScope` asks for, and the dispatch to the one signer of each scheme in
//! `crate::signing`.

use crate::providers::{AuthScope, Call, ProviderId};
use crate::signing::{
    Credentials, HttpRequest, Method, Scheme, Signed, SigningError, alibaba_acs3, alibaba_rpc_v2,
    huawei_aksk, huawei_token,
};
use crate::time::Timestamp;

/// How a call is signed, with the credentials it needs. Secrets stay inside [`Credentials`].
#[derive(Clone, Debug)]
pub enum Auth {
    /// Alibaba RPC V2 (HMAC-SHA1).
    AlibabaV2(Credentials),
    /// Alibaba ACS3-HMAC-SHA256.
    AlibabaAcs3(Credentials),
    /// Huawei AK/SK; `domain_id` for account-level services.
    HuaweiAksk {
        /// Access key ID and secret.
        credentials: Credentials,
        /// The account ID (`X-Domain-Id`), when the service needs it.
        domain_id: Option<String>,
    },
    /// Huawei IAM token, read by the command from this environment variable.
    HuaweiToken {
        /// The variable's name.
        env: String,
    },
}

impl Auth {
    /// The scheme.
    pub fn scheme(&self) -> Scheme {
        match self {
            Self::AlibabaV2(_) => Scheme::AlibabaRpcV2,
            Self::AlibabaAcs3(_) => Scheme::AlibabaAcs3,
            Self::HuaweiAksk { .. } => Scheme::HuaweiAksk,
            Self::HuaweiToken { .. } => Scheme::HuaweiToken,
        }
    }
}

/// Why a call could not be signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignError {
    /// The scheme does not fit the call (an Alibaba scheme for a Huawei API, ...).
    SchemeMismatch(Scheme, ProviderId),
    /// AK/SK for an account-level service needs the account ID.
    DomainIdRequired(ProviderId),
    /// The signer refused (time out of range, bad header).
    Signing(SigningError),
}

impl std::fmt::Display for SignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::SchemeMismatch(scheme, provider) => write!(
                f,
                "--auth {} does not apply to {}: use one of {}",
                scheme.auth_name(),
                provider.as_str(),
                provider
                    .spec()
                    .schemes
                    .iter()
                    .map(|s| s.auth_name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Self::DomainIdRequired(provider) => write!(
                f,
                "Huawei AK/SK signing for {} (an account-level service) needs the account ID: \
                 give --domain-id (X-Domain-Id)",
                provider.spec().api
            ),
            Self::Signing(e) => e.fmt(f),
        }
    }
}

/// Whether the target takes `auth`'s scheme.
pub(super) fn scheme_fits(provider: ProviderId, auth: &Auth) -> Result<(), SignError> {
    if provider.spec().schemes.contains(&auth.scheme()) {
        Ok(())
    } else {
        Err(SignError::SchemeMismatch(auth.scheme(), provider))
    }
}

/// Signs an unsigned call at time `at` with `nonce` (Alibaba schemes use it; Huawei's do not).
pub fn sign_call(
    provider: ProviderId,
    call: &Call,
    auth: &Auth,
    at: Timestamp,
    nonce: &str,
) -> Result<Signed, SignError> {
    scheme_fits(provider, auth)?;
    let spec = provider.spec();
    match (call, auth) {
        (
            Call::Rpc {
                host,
                action,
                version,
                parameters,
            },
            Auth::AlibabaV2(credentials),
        ) => alibaba_rpc_v2::sign(
            &alibaba_rpc_v2::RpcCall {
                host,
                action,
                version,
                parameters,
            },
            credentials,
            at,
            nonce,
        )
        .map_err(SignError::Signing),
        (
            Call::Rpc {
                host,
                action,
                version,
                parameters,
            },
            Auth::AlibabaAcs3(credentials),
        ) => {
            // As the official Tea SDK does: the RPC parameters stay in the query.
            let mut request = HttpRequest::new(Method::Post, host, "/");
            request.query = parameters.clone();
            alibaba_acs3::sign(request, action, version, credentials, at, nonce)
                .map_err(SignError::Signing)
        }
        (
            Call::Rest {
                host,
                path,
                headers,
                body,
                project_id,
            },
            Auth::HuaweiAksk {
                credentials,
                domain_id,
            },
        ) => {
            let mut request = HttpRequest::new(Method::Post, host, path);
            request.headers = headers.clone();
            request.body = body.clone().into_bytes();
            let scope = match spec.auth_scope {
                AuthScope::Account => Some(
                    domain_id
                        .clone()
                        .ok_or(SignError::DomainIdRequired(provider))?,
                ),
                AuthScope::Project { .. } => project_id.clone(),
                AuthScope::AccessKey => None,
            };
            if let (Some(header), Some(value)) = (spec.auth_scope.header(), scope) {
                request.headers.push((header.to_owned(), value));
            }
            huawei_aksk::sign(request, credentials, at).map_err(SignError::Signing)
        }
        (
            Call::Rest {
                host,
                path,
                headers,
                body,
                ..
            },
            Auth::HuaweiToken { env },
        ) => {
            let mut request = HttpRequest::new(Method::Post, host, path);
            request.headers = headers.clone();
            request.body = body.clone().into_bytes();
            Ok(huawei_token::sign(request, env, at))
        }
        _ => Err(SignError::SchemeMismatch(auth.scheme(), provider)),
    }
}
