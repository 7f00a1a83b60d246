//! The access log writer: every read of a case's personal data is written before the page is
//! sent. Concurrent requests are committed together (group commit), so logging stays cheap under
//! load without ever answering before the entry is stored.

use crate::db::Database;
use crate::error::AppError;
use std::sync::mpsc;
use store::accounts::AccessEntry;
use tokio::sync::oneshot;

type Job = (Vec<AccessEntry>, oneshot::Sender<Result<(), String>>);

/// Sends entries to the writer thread and waits until they are stored.
#[derive(Debug, Clone)]
pub struct AccessLogger {
    jobs: mpsc::Sender<Job>,
}

impl AccessLogger {
    /// Starts the writer thread on its own database handle.
    pub fn start(mut db: Box<dyn Database>) -> Self {
        let (jobs, inbox) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("access-log".into())
            .spawn(move || {
                while let Ok(first) = inbox.recv() {
                    let mut batch = vec![first];
                    while let Ok(more) = inbox.try_recv() {
                        batch.push(more);
                        if batch.len() >= 512 {
                            break;
                        }
                    }
                    let entries: Vec<AccessEntry> =
                        batch.iter().flat_map(|(entries, _)| entries.iter().cloned()).collect();
                    let result = db.log_access(&entries).map_err(|e| e.to_string());
                    for (_, done) in batch {
                        let _ = done.send(result.clone());
                    }
                }
            })
            .map(|_| ())
            .unwrap_or_else(|e| eprintln!("could not start the access-log writer: {e}"));
        AccessLogger { jobs }
    }

    /// Stores one entry; fails (and the caller must not show the data) if it could not be stored.
    pub async fn log(&self, entry: AccessEntry) -> Result<(), AppError> {
        self.log_all(vec![entry]).await
    }

    /// Stores several entries together (one read that shows many cases).
    pub async fn log_all(&self, entries: Vec<AccessEntry>) -> Result<(), AppError> {
        if entries.is_empty() {
            return Ok(());
        }
        let (done, wait) = oneshot::channel();
        self.jobs.send((entries, done)).map_err(|_| AppError::internal("adgangsloggen kører ikke"))?;
        match wait.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(message)) => Err(AppError::internal(format!("adgangsloggen kunne ikke skrives: {message}"))),
            Err(_) => Err(AppError::internal("adgangsloggen stoppede")),
        }
    }
}
