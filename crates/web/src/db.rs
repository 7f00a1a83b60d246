//! The database handles the web uses: a small pool of blocking store handles, each both an
//! [`EventStore`] and an [`AccountStore`], run off the async threads.

use crate::error::AppError;
use std::sync::{Arc, Mutex};
use store::StoreResult;
use tokio::sync::Semaphore;

pub use store::Database;

/// Opens a new handle to the database.
pub type Opener = Arc<dyn Fn() -> StoreResult<Box<dyn Database>> + Send + Sync>;

/// A pool of database handles, used on tokio's blocking threads.
#[derive(Clone)]
pub struct Pool {
    inner: Arc<PoolInner>,
}

struct PoolInner {
    opener: Opener,
    idle: Mutex<Vec<Box<dyn Database>>>,
    permits: Arc<Semaphore>,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool").field("available", &self.inner.permits.available_permits()).finish()
    }
}

impl Pool {
    /// A pool of at most `size` handles opened with `opener`.
    pub fn new(opener: Opener, size: usize) -> Self {
        Pool {
            inner: Arc::new(PoolInner {
                opener,
                idle: Mutex::new(Vec::new()),
                permits: Arc::new(Semaphore::new(size.max(1))),
            }),
        }
    }

    /// Runs `work` with a handle on a blocking thread.
    pub async fn run<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut dyn Database) -> Result<T, AppError> + Send + 'static,
    {
        let permit = Arc::clone(&self.inner.permits)
            .acquire_owned()
            .await
            .map_err(|_| AppError::internal("databasepuljen er lukket"))?;
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let taken = inner.idle.lock().ok().and_then(|mut idle| idle.pop());
            let mut db = match taken {
                Some(db) => db,
                None => (inner.opener)().map_err(AppError::from)?,
            };
            let result = work(db.as_mut());
            if let Ok(mut idle) = inner.idle.lock() {
                idle.push(db);
            }
            result
        })
        .await
        .map_err(|e| AppError::internal(format!("databasearbejdet stoppede: {e}")))?
    }

    /// Runs `work` with a handle on the calling thread (for start-up work outside the runtime).
    pub fn run_blocking<T>(&self, work: impl FnOnce(&mut dyn Database) -> T) -> StoreResult<T> {
        let taken = self.inner.idle.lock().ok().and_then(|mut idle| idle.pop());
        let mut db = match taken {
            Some(db) => db,
            None => (self.inner.opener)()?,
        };
        let result = work(db.as_mut());
        if let Ok(mut idle) = self.inner.idle.lock() {
            idle.push(db);
        }
        Ok(result)
    }
}
