//! TLS to the test server (Debian's PostgreSQL has `ssl = on` with its snakeoil certificate, issued
//! to `localhost`): encrypted by default, off on request, and with `verify-full` the certificate must
//! chain to `sslrootcert` and name the host. Another server and CA can be named with
//! `AFKLARING_TEST_POSTGRES` and `AFKLARING_TEST_POSTGRES_CA`.

use store_postgres::scratch::ScratchSchema;
use store_postgres::PostgresStore;

fn ca_file() -> String {
    std::env::var("AFKLARING_TEST_POSTGRES_CA").unwrap_or_else(|_| "/etc/ssl/certs/ssl-cert-snakeoil.pem".to_owned())
}

/// Whether the store's own connection is encrypted, as the server sees it.
fn encrypted(url: &str) -> bool {
    let store = PostgresStore::open(url).unwrap_or_else(|e| panic!("{url}: {e}"));
    store
        .with_client(|client| {
            client.query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[]).unwrap().get::<_, bool>(0)
        })
        .unwrap()
}

#[test]
fn the_connection_is_encrypted_by_default_when_the_server_offers_tls() {
    let scratch = ScratchSchema::create_or_fail();
    assert!(encrypted(&scratch.url()), "sslmode=prefer (the default) should use the server's TLS");
    assert!(encrypted(&format!("{}&sslmode=require", scratch.url())));
}

#[test]
fn sslmode_disable_keeps_the_connection_in_plain_text() {
    let scratch = ScratchSchema::create_or_fail();
    assert!(!encrypted(&format!("{}&sslmode=disable", scratch.url())));
}

#[test]
fn verify_full_accepts_a_certificate_that_chains_to_sslrootcert_and_names_the_host() {
    let scratch = ScratchSchema::create_or_fail();
    let url = scratch.url().replace("@127.0.0.1:", "@localhost:");
    assert!(encrypted(&format!("{url}&sslmode=verify-full&sslrootcert={}", ca_file())));
}

#[test]
fn verify_full_refuses_a_certificate_that_does_not_name_the_host() {
    let scratch = ScratchSchema::create_or_fail();
    // The certificate is issued to localhost, not to the address 127.0.0.1.
    let url = format!("{}&sslmode=verify-full&sslrootcert={}", scratch.url(), ca_file());
    let error = PostgresStore::open(&url).expect_err("a certificate for another name must be refused").to_string();
    assert!(error.contains("cannot connect to PostgreSQL"), "{error}");
    assert!(error.to_lowercase().contains("certificate"), "the reason names the certificate: {error}");
}

#[test]
fn an_unreadable_root_file_and_verify_ca_are_refused_with_what_to_do() {
    let scratch = ScratchSchema::create_or_fail();
    let missing = PostgresStore::open(&format!("{}&sslrootcert=/nonexistent/ca.pem", scratch.url())).unwrap_err();
    assert!(missing.to_string().contains("sslrootcert /nonexistent/ca.pem"), "{missing}");
    let ca = PostgresStore::open(&format!("{}&sslmode=verify-ca", scratch.url())).unwrap_err();
    assert!(ca.to_string().contains("use verify-full"), "{ca}");
}
