//! TLS to PostgreSQL, with libpq's meaning of the connection string where we can keep it:
//!
//! - `sslmode=disable`: no TLS.
//! - `sslmode=prefer` (the default) or `require`: TLS when the server offers it (`require`: or
//!   fail), encrypting the connection without checking who the server is — as libpq does.
//! - `sslmode=verify-full`, or any mode with `sslrootcert=FILE`: TLS is required, and the server's
//!   certificate must chain to the PEM certificates in `sslrootcert` (or, without it, to the
//!   public web roots) and name the host connected to.
//!
//! `verify-ca` (chain without the host name) is refused rather than quietly treated as another mode.

use crate::backend_message;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::sync::Arc;
use store::StoreResult;
use tokio_postgres_rustls::MakeRustlsConnect;

/// How the server is checked, once TLS is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verify {
    /// Encrypt only (libpq's `prefer` and `require`).
    EncryptOnly,
    /// Check the chain and host name against these PEM roots, or the public roots if `None`.
    Full { root_file: Option<String> },
}

/// Takes `sslrootcert` and the modes the PostgreSQL client does not parse off a connection URL:
/// (URL as the client reads it, how to verify).
pub(crate) fn split_tls(url: &str) -> StoreResult<(String, Verify)> {
    let Some((base, query)) = url.split_once('?') else {
        return Ok((url.to_owned(), Verify::EncryptOnly));
    };
    let (mut root_file, mut full, mut kept) = (None, false, Vec::new());
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        match pair.split_once('=') {
            Some(("sslrootcert", file)) => root_file = Some(file.to_owned()),
            Some(("sslmode", "verify-full")) => full = true,
            Some(("sslmode", "verify-ca")) => {
                return Err(backend_message(
                    "sslmode=verify-ca is not supported: use verify-full (the certificate must also name the host)",
                ))
            }
            _ => kept.push(pair),
        }
    }
    let verify = if full || root_file.is_some() { Verify::Full { root_file } } else { Verify::EncryptOnly };
    if matches!(verify, Verify::Full { .. }) {
        // Verification without TLS would be no verification at all.
        kept.retain(|pair| !pair.starts_with("sslmode="));
        kept.push("sslmode=require");
    }
    let url = if kept.is_empty() { base.to_owned() } else { format!("{base}?{}", kept.join("&")) };
    Ok((url, verify))
}

/// The TLS connector for a way of verifying.
pub(crate) fn connector(verify: &Verify) -> StoreResult<MakeRustlsConnect> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .map_err(|e| backend_message(&format!("TLS setup failed: {e}")))?;
    let config = match verify {
        Verify::EncryptOnly => {
            builder.dangerous().with_custom_certificate_verifier(Arc::new(EncryptOnly(provider))).with_no_client_auth()
        }
        Verify::Full { root_file } => {
            builder.with_root_certificates(roots(root_file.as_deref())?).with_no_client_auth()
        }
    };
    Ok(MakeRustlsConnect::new(config))
}

fn roots(file: Option<&str>) -> StoreResult<RootCertStore> {
    let mut store = RootCertStore::empty();
    let Some(file) = file else {
        store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        return Ok(store);
    };
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(file)
        .and_then(|certs| certs.collect())
        .map_err(|e| backend_message(&format!("sslrootcert {file}: not a readable PEM certificate file ({e})")))?;
    let (added, _) = store.add_parsable_certificates(certs);
    if added == 0 {
        return Err(backend_message(&format!("sslrootcert {file}: no usable certificate in the file")));
    }
    Ok(store)
}

/// libpq's `prefer`/`require`: the handshake's signatures are checked, the certificate is not.
#[derive(Debug)]
struct EncryptOnly(Arc<CryptoProvider>);

impl ServerCertVerifier for EncryptOnly {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}
