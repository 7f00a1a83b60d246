//! The application state: the database pool, the case index, the access logger, the login limiter,
//! the templates and the configuration; and the operations every handler shares (who may read a
//! case, logging the read, loading and appending events).

use crate::access::AccessLogger;
use crate::auth::{Caller, RateLimiter};
use crate::db::{Opener, Pool};
use crate::error::AppError;
use crate::index::{CaseSummary, Index};
use chrono::{NaiveDate, Utc};
use journal::{CaseId, Event};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use store::accounts::{staff_names, AccessEntry, Role, User};

/// Staff names by actor id (`sb:101-jki-001` → "Anna Sagsbehandler"), for the pages; shared with
/// the templates' `navn` filter.
pub type Names = Arc<RwLock<HashMap<String, String>>>;

/// How the application runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Mark cookies `Secure` (everywhere but plain-HTTP localhost).
    pub secure_cookies: bool,
    /// A fixed "today" (tests); the system date when `None`.
    pub today: Option<NaiveDate>,
    /// How long a session lasts.
    pub session_hours: i64,
    /// Database handles for requests.
    pub pool_size: usize,
    /// Failed logins allowed per user and per IP address within `login_window`.
    pub max_login_failures: usize,
    pub login_window: Duration,
    /// The rulebook's practice settings.
    pub settings: assess::Settings,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            secure_cookies: false,
            today: None,
            session_hours: 8,
            pool_size: 4,
            max_login_failures: 5,
            login_window: Duration::from_secs(15 * 60),
            settings: assess::Settings::default(),
        }
    }
}

/// Shared state, cheap to clone.
#[derive(Clone)]
pub struct App(Arc<Inner>);

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App").field("config", &self.0.config).finish()
    }
}

/// What [`App`] holds.
pub struct Inner {
    pub pool: Pool,
    pub access: AccessLogger,
    pub limiter: RateLimiter,
    pub templates: minijinja::Environment<'static>,
    pub config: Config,
    names: Names,
    index: RwLock<Index>,
    rebuilding: AtomicBool,
    sessions: Mutex<HashMap<String, (Caller, Instant)>>,
    timeliness: Mutex<HashMap<String, (NaiveDate, Arc<progress::Timeliness>)>>,
}

impl std::ops::Deref for App {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

/// How long a looked-up session is trusted before it is read from the database again.
const SESSION_CACHE: Duration = Duration::from_secs(30);

/// Why someone may read a case; written to the access log as the purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A caseworker of the case's unit.
    Sagsbehandling,
    /// A leader of the case's unit.
    Ledelse,
    /// A member of the rehabilitation team, for a case on its agenda.
    Rehabiliteringsteam,
    /// The citizen, their own case.
    MinPlan,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Sagsbehandling => "sagsbehandling",
            Purpose::Ledelse => "ledelse",
            Purpose::Rehabiliteringsteam => "rehabiliteringsteam",
            Purpose::MinPlan => "min_plan",
        }
    }
}

/// Whether `caller` may read the case summarised by `summary`, and why.
pub fn case_purpose(caller: &Caller, case: &CaseId, summary: Option<&CaseSummary>) -> Option<Purpose> {
    let user = &caller.user;
    let same_unit = || summary.is_some_and(|s| s.unit.is_some() && s.unit == user.unit);
    match user.role {
        Role::Citizen => (user.citizen_case.as_ref() == Some(case)).then_some(Purpose::MinPlan),
        Role::Caseworker => same_unit().then_some(Purpose::Sagsbehandling),
        Role::Leader => same_unit().then_some(Purpose::Ledelse),
        Role::TeamMember => summary.is_some_and(|s| s.agenda.is_some()).then_some(Purpose::Rehabiliteringsteam),
        Role::Analyst | Role::Auditor | Role::Admin => None,
    }
}

impl App {
    /// Opens the database, starts the access logger and builds the case index.
    pub fn new(opener: Opener, config: Config) -> Result<App, AppError> {
        let db = opener().map_err(AppError::from)?;
        let names: Names = Arc::new(RwLock::new(staff_names(&db.users().map_err(AppError::from)?)));
        let access = AccessLogger::start(db);
        let pool = Pool::new(Arc::clone(&opener), config.pool_size);
        let app = App(Arc::new(Inner {
            pool,
            access,
            limiter: RateLimiter::new(config.max_login_failures, config.login_window),
            templates: crate::pages::templates(Arc::clone(&names)),
            names,
            index: RwLock::new(Index::default()),
            rebuilding: AtomicBool::new(false),
            sessions: Mutex::new(HashMap::new()),
            timeliness: Mutex::new(HashMap::new()),
            config,
        }));
        let index = app.build_index(app.today())?;
        if let Ok(mut slot) = app.index.write() {
            *slot = index;
        }
        Ok(app)
    }

    /// Today's date: what events are dated and what the law is judged as of.
    pub fn today(&self) -> NaiveDate {
        self.config.today.unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    fn build_index(&self, as_of: NaiveDate) -> Result<Index, AppError> {
        let settings = self.config.settings;
        let mut index = Index::new(as_of);
        self.pool
            .run_blocking(|db| {
                db.scan(&mut |_, events| {
                    if let Some(summary) = CaseSummary::build(&events, as_of, &settings) {
                        index.put(summary);
                    }
                })
            })
            .map_err(AppError::from)?
            .map_err(AppError::from)?;
        Ok(index)
    }

    /// Reads the index, starting a rebuild in the background when the date has changed.
    pub fn with_index<T>(&self, read: impl FnOnce(&Index) -> T) -> Result<T, AppError> {
        let today = self.today();
        let stale = self.index.read().map(|i| i.as_of != Some(today)).unwrap_or(false);
        if stale && !self.rebuilding.swap(true, Ordering::SeqCst) {
            let app = self.clone();
            std::thread::spawn(move || {
                if let Ok(index) = app.build_index(today) {
                    if let Ok(mut slot) = app.index.write() {
                        *slot = index;
                    }
                }
                app.rebuilding.store(false, Ordering::SeqCst);
            });
        }
        let index = self.index.read().map_err(|_| AppError::internal("sagsindekset er utilgængeligt"))?;
        Ok(read(&index))
    }

    /// A case's summary from the index.
    pub fn summary(&self, case: &CaseId) -> Result<Option<CaseSummary>, AppError> {
        self.with_index(|index| index.get(case).cloned())
    }

    /// The caller's session and user, from the cache or the database.
    pub async fn resolve_session(&self, token_hash: &str) -> Result<Option<Caller>, AppError> {
        if let Ok(cache) = self.sessions.lock() {
            if let Some((caller, at)) = cache.get(token_hash) {
                if at.elapsed() < SESSION_CACHE && caller.session.expires_at > Utc::now() {
                    return Ok(Some(caller.clone()));
                }
            }
        }
        let hash = token_hash.to_owned();
        let found = self
            .pool
            .run(move |db| {
                let Some(session) = db.session(&hash, Utc::now())? else { return Ok(None) };
                Ok(db.user(&session.user_id)?.map(|user| Caller { user, session }))
            })
            .await?;
        if let (Some(caller), Ok(mut cache)) = (&found, self.sessions.lock()) {
            if cache.len() > 10_000 {
                cache.clear();
            }
            cache.insert(token_hash.to_owned(), (caller.clone(), Instant::now()));
        }
        Ok(found)
    }

    /// Creates or replaces a user. Replacing ends the user's sessions (in the database, and here in
    /// the session cache at once), so a reset password or a changed role takes effect immediately.
    pub async fn put_user(&self, user: User) -> Result<(), AppError> {
        let id = user.id.clone();
        self.pool.run(move |db| Ok(db.put_user(&user)?)).await?;
        if let Ok(mut cache) = self.sessions.lock() {
            cache.retain(|_, (caller, _)| caller.user.id != id);
        }
        let users = self.pool.run(|db| Ok(db.users()?)).await?;
        if let Ok(mut names) = self.names.write() {
            *names = staff_names(&users);
        }
        Ok(())
    }

    /// A staff member's name by actor id, if a user has that actor id.
    pub fn staff_name(&self, actor: &str) -> Option<String> {
        self.names.read().ok()?.get(actor).cloned()
    }

    /// Forgets a session everywhere (logout).
    pub async fn end_session(&self, token_hash: &str) -> Result<(), AppError> {
        if let Ok(mut cache) = self.sessions.lock() {
            cache.remove(token_hash);
        }
        let hash = token_hash.to_owned();
        self.pool.run(move |db| Ok(db.delete_session(&hash)?)).await
    }

    /// Checks that `caller` may read `case` (403 otherwise, logged as refused), logs the read
    /// (who, which case, when, `what`, why) and returns the case's summary.
    pub async fn open_case(&self, caller: &Caller, case: &CaseId, what: &str) -> Result<CaseSummary, AppError> {
        let summary = self.summary(case)?;
        let Some(purpose) = case_purpose(caller, case, summary.as_ref()) else {
            self.log(caller, Some(case), what, "naegtet").await?;
            let staff = matches!(caller.role(), Role::Caseworker | Role::Leader | Role::TeamMember);
            if summary.is_none() && staff {
                return Err(AppError::not_found(format!("Sagen {case} findes ikke.")));
            }
            return Err(AppError::forbidden(match caller.role() {
                Role::Caseworker | Role::Leader => {
                    "Sagen hører ikke til din enhed. Du kan kun se sager i din egen enhed.".to_owned()
                }
                Role::TeamMember => "Sagen er ikke på rehabiliteringsteamets dagsorden.".to_owned(),
                Role::Citizen => "Du kan kun se din egen sag.".to_owned(),
                _ => "Din rolle giver ikke adgang til personoplysninger i sager.".to_owned(),
            }));
        };
        let summary = summary.ok_or_else(|| AppError::not_found(format!("Sagen {case} findes ikke.")))?;
        self.log(caller, Some(case), what, purpose.as_str()).await?;
        Ok(summary)
    }

    /// Writes one access-log entry and waits until it is stored.
    pub async fn log(&self, caller: &Caller, case: Option<&CaseId>, what: &str, purpose: &str) -> Result<(), AppError> {
        self.access
            .log(AccessEntry {
                at: Utc::now(),
                user_id: caller.user.id.clone(),
                role: caller.user.role,
                case: case.cloned(),
                what: what.to_owned(),
                purpose: purpose.to_owned(),
            })
            .await
    }

    /// Logs one read that shows several cases (e.g. the team's agenda): one entry per case.
    pub async fn log_cases(
        &self,
        caller: &Caller,
        cases: &[CaseId],
        what: &str,
        purpose: &str,
    ) -> Result<(), AppError> {
        let at = Utc::now();
        let entries = cases
            .iter()
            .map(|case| AccessEntry {
                at,
                user_id: caller.user.id.clone(),
                role: caller.user.role,
                case: Some(case.clone()),
                what: what.to_owned(),
                purpose: purpose.to_owned(),
            })
            .collect();
        self.access.log_all(entries).await
    }

    /// The unit's timeliness over the last 12 months, computed once a day per unit.
    pub async fn unit_timeliness(&self, unit: &str) -> Result<Arc<progress::Timeliness>, AppError> {
        let today = self.today();
        if let Ok(cache) = self.timeliness.lock() {
            if let Some((date, found)) = cache.get(unit) {
                if *date == today {
                    return Ok(Arc::clone(found));
                }
            }
        }
        let ids: Vec<CaseId> = self.with_index(|index| index.in_unit(unit).map(|c| c.case.clone()).collect())?;
        let unit_name = unit.to_owned();
        let computed = self
            .pool
            .run(move |db| {
                let mut cases = Vec::with_capacity(ids.len());
                for id in &ids {
                    cases.push(db.load(id)?.into_iter().map(|s| s.event).collect::<Vec<Event>>());
                }
                let from = today - chrono::Duration::days(365);
                Ok(progress::timeliness(&cases, from, today, Some(&unit_name), &progress::Settings::default()))
            })
            .await?;
        let computed = Arc::new(computed);
        if let Ok(mut cache) = self.timeliness.lock() {
            cache.insert(unit.to_owned(), (today, Arc::clone(&computed)));
        }
        Ok(computed)
    }

    /// A case's events, oldest first, and its version.
    pub async fn load(&self, case: &CaseId) -> Result<(Vec<Event>, u64), AppError> {
        let case = case.clone();
        self.pool
            .run(move |db| {
                let stored = db.load(&case)?;
                let version = stored.last().map_or(0, |s| s.seq);
                Ok((stored.into_iter().map(|s| s.event).collect(), version))
            })
            .await
    }

    /// Appends events to a case if it is still at `expected_version`, then refreshes its summary.
    pub async fn append(
        &self,
        caller: &Caller,
        case: &CaseId,
        expected_version: u64,
        events: Vec<Event>,
    ) -> Result<u64, AppError> {
        let (id, who) = (case.clone(), caller.user.id.clone());
        let as_of = self.today();
        let settings = self.config.settings;
        let (version, summary) = self
            .pool
            .run(move |db| {
                let version = db.append(&id, expected_version, &events, &who)?;
                let all: Vec<Event> = db.load(&id)?.into_iter().map(|s| s.event).collect();
                Ok((version, CaseSummary::build(&all, as_of, &settings)))
            })
            .await?;
        if let (Some(summary), Ok(mut index)) = (summary, self.index.write()) {
            index.put(summary);
        }
        Ok(version)
    }
}
