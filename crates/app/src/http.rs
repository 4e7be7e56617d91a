//! Calling a platform's API for `credits sync` (issue 23): one request with its retries, over
//! HTTPS (ureq with rustls), or plain HTTP to this machine only (a test server, a local
//! proxy).
//!
//! Rules every call keeps:
//! - The secret (an API key, a signed token) travels only in a header, and only to the origin
//!   it was given for: a `next` URL a response names on another host is refused, not followed.
//! - No message this module makes contains a secret: every text that comes from outside (a
//!   response body, a transport error) passes [`Client::redact`] first, so a server that echoes
//!   the Authorization header back cannot put the key on the terminal.
//! - A 429 is retried after its `Retry-After` (seconds), at most [`MAX_RETRIES`] times and
//!   never longer than [`MAX_WAIT`] a time; past that it is an error saying to try later.
//! - A body is read whole or the call fails (a response cut short is an error, never half a
//!   page), and is at most [`MAX_BODY`] bytes.

use anyhow::Result;
use credits_core::error::{fail, fail_with_help};
use std::time::Duration;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
const CALL_TIMEOUT: Duration = Duration::from_secs(120);
/// The most one response body may be: a page of usage is kilobytes.
pub const MAX_BODY: u64 = 64 * 1024 * 1024;
/// How many times one request is retried after a 429.
pub const MAX_RETRIES: u32 = 5;
/// The longest one wait for a 429 may be; a platform asking for more is told to the user.
pub const MAX_WAIT: Duration = Duration::from_secs(60);

/// Whether `host` (as a URL names it, IPv6 in brackets) is this machine.
pub fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// A request's method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

/// One request: the URL, its headers (the secret among them) and a JSON body for a POST.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<String>,
}

/// Who is called and how a refused key is explained: the platform's name, the environment
/// variable(s) the key came from and a `help:` line saying where to get one.
#[derive(Debug, Clone)]
pub struct Caller {
    pub platform: &'static str,
    /// `FAL_KEY`, or `KLING_ACCESS_KEY and KLING_SECRET_KEY`.
    pub variables: &'static str,
    pub key_help: &'static str,
}

/// What one [`Client::send`] did besides its body, for the summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub requests: u32,
    pub retries: u32,
}

/// A client for one platform: its secrets (to keep out of every message), the origin they may
/// be sent to, and how to wait (the real clock, or none in tests of the wait rules).
pub struct Client {
    agent: ureq::Agent,
    caller: Caller,
    secrets: Vec<String>,
    /// `scheme://host:port` of the base URL: the only place the secrets go.
    origin: String,
    sleep: fn(Duration),
    pub stats: Stats,
}

/// `scheme://host[:port]` of a URL, lower-cased; `None` when it is not an http(s) URL.
pub fn origin_of(url: &str) -> Option<String> {
    let uri: ureq::http::Uri = url.parse().ok()?;
    let scheme = uri.scheme_str()?.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host = uri.host()?.to_ascii_lowercase();
    Some(match uri.port_u16() {
        Some(port) => format!("{scheme}://{host}:{port}"),
        None => format!("{scheme}://{host}"),
    })
}

impl Client {
    /// A client that sends `secrets` only to the origin of `base` (which must be https://, or
    /// http:// to this machine).
    pub fn new(caller: Caller, base: &str, secrets: Vec<String>) -> Result<Client> {
        let uri: ureq::http::Uri = base
            .parse()
            .map_err(|e| fail(format!("{base}: not a URL ({e})")))?;
        let https = uri
            .scheme_str()
            .is_some_and(|s| s.eq_ignore_ascii_case("https"));
        if !https && !uri.host().is_some_and(is_loopback) {
            return Err(fail_with_help(
                format!("{base}: refusing plain http:// to another machine"),
                "the API key would cross the network in clear text; use https:// (plain http:// \
                 is allowed only to 127.0.0.1, ::1 and localhost)",
            ));
        }
        let origin = origin_of(base).ok_or_else(|| fail(format!("{base}: not an http(s) URL")))?;
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .timeout_global(Some(CALL_TIMEOUT))
            .http_status_as_error(false)
            // A redirect would carry the key to wherever it points: none is followed.
            .max_redirects(0)
            .https_only(https)
            .user_agent(concat!("credits/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Ok(Client {
            agent,
            caller,
            secrets: secrets.into_iter().filter(|s| !s.is_empty()).collect(),
            origin,
            sleep: std::thread::sleep,
            stats: Stats::default(),
        })
    }

    /// The same client, waiting with `sleep` (tests count the waits instead of taking them).
    pub fn with_sleep(mut self, sleep: fn(Duration)) -> Client {
        self.sleep = sleep;
        self
    }

    /// `text` with every secret replaced by `[redacted]`.
    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_string();
        for s in &self.secrets {
            out = out.replace(s.as_str(), "[redacted]");
        }
        // A server's text is printed inside our own line: on one line.
        credits_core::text::one_line(&out)
    }

    /// Refuses a URL on another origin than the base's: the secret is never sent there.
    pub fn check_origin(&self, url: &str) -> Result<()> {
        if origin_of(url).as_deref() == Some(self.origin.as_str()) {
            return Ok(());
        }
        Err(fail_with_help(
            format!(
                "{} named a next page on another host ({}): not followed, so the key is not \
                 sent there; nothing was imported",
                self.caller.platform,
                self.redact(url)
            ),
            "if the platform moved its API, a newer credits knows the new address",
        ))
    }

    /// Sends `request` and returns its body, retrying a 429 (see the module's rules).
    pub fn send(&mut self, request: &Request) -> Result<String> {
        self.check_origin(&request.url)?;
        let mut retries = 0;
        loop {
            self.stats.requests += 1;
            let response = match request.method {
                Method::Get => {
                    let mut r = self.agent.get(&request.url);
                    for (name, value) in &request.headers {
                        r = r.header(*name, value);
                    }
                    r.call()
                }
                Method::Post => {
                    let mut r = self.agent.post(&request.url);
                    for (name, value) in &request.headers {
                        r = r.header(*name, value);
                    }
                    r.send(request.body.clone().unwrap_or_default())
                }
            };
            let mut response = response.map_err(|e| {
                fail(format!(
                    "cannot reach {} at {}: {}",
                    self.caller.platform,
                    self.origin,
                    self.redact(&e.to_string())
                ))
            })?;
            let status = response.status().as_u16();
            if status == 429 {
                let wait = retry_after(response.headers().get("retry-after"), retries);
                if retries >= MAX_RETRIES || wait > MAX_WAIT {
                    return Err(fail_with_help(
                        format!(
                            "{} is limiting the rate of requests (HTTP 429{}); nothing was \
                             imported",
                            self.caller.platform,
                            if retries >= MAX_RETRIES {
                                format!(", still after {MAX_RETRIES} retries")
                            } else {
                                format!(", asking to wait {} s", wait.as_secs())
                            }
                        ),
                        "try again later",
                    ));
                }
                retries += 1;
                self.stats.retries += 1;
                (self.sleep)(wait);
                continue;
            }
            let body = response
                .body_mut()
                .with_config()
                .limit(MAX_BODY)
                .read_to_string();
            if status == 401 || status == 403 {
                return Err(fail_with_help(
                    format!(
                        "{} refused the key in {} (HTTP {status}); nothing was imported",
                        self.caller.platform, self.caller.variables
                    ),
                    self.caller.key_help,
                ));
            }
            let body = body.map_err(|e| {
                fail(format!(
                    "the response from {} was cut short or unreadable ({}); nothing was imported",
                    self.caller.platform,
                    self.redact(&e.to_string())
                ))
            })?;
            if !(200..300).contains(&status) {
                // Redacted whole, then cut: cut first, a key crossing the cut would be
                // shown in part, unmatched.
                let excerpt: String = self.redact(&body).chars().take(300).collect();
                return Err(fail(format!(
                    "{} answered HTTP {status} to {}: {}",
                    self.caller.platform,
                    self.redact(&path_of(&request.url)),
                    excerpt.trim()
                )));
            }
            return Ok(body);
        }
    }
}

/// A URL without its query (which may hold a cursor, never a key, but is noise in a message).
fn path_of(url: &str) -> String {
    url.split('?').next().unwrap_or(url).to_string()
}

/// How long to wait before retry number `retries + 1`: the `Retry-After` seconds when given
/// (an HTTP date counts as the longest wait, which is then refused), else 1, 2, 4, … s.
fn retry_after(header: Option<&ureq::http::HeaderValue>, retries: u32) -> Duration {
    match header.and_then(|v| v.to_str().ok()).map(str::trim) {
        Some(text) => match text.parse::<u64>() {
            Ok(secs) => Duration::from_secs(secs),
            Err(_) => MAX_WAIT + Duration::from_secs(1),
        },
        None => Duration::from_secs(1u64 << retries.min(5)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_compare_scheme_host_and_port() {
        assert_eq!(
            origin_of("https://API.fal.ai/v1/models/usage?cursor=x").as_deref(),
            Some("https://api.fal.ai")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:8080/v1/predictions").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(origin_of("ftp://example.com/x"), None);
        assert_eq!(origin_of("not a url"), None);
    }

    #[test]
    fn plain_http_is_allowed_to_this_machine_only_and_secrets_are_redacted() {
        let caller = Caller {
            platform: "fal",
            variables: "FAL_KEY",
            key_help: "set FAL_KEY",
        };
        assert!(Client::new(caller.clone(), "http://127.0.0.1:9/", vec![]).is_ok());
        assert!(Client::new(caller.clone(), "http://localhost:9/", vec![]).is_ok());
        assert!(Client::new(caller.clone(), "https://api.fal.ai", vec![]).is_ok());
        let err = Client::new(caller.clone(), "http://api.fal.ai", vec![])
            .err()
            .unwrap();
        assert!(err.to_string().contains("refusing plain http://"));

        let client = Client::new(caller, "https://api.fal.ai", vec!["s3cr3t".into()]).unwrap();
        assert_eq!(
            client.redact("Authorization: Key s3cr3t, again s3cr3t"),
            "Authorization: Key [redacted], again [redacted]"
        );
        assert!(client
            .check_origin("https://api.fal.ai/v1/models/usage?cursor=Mg==")
            .is_ok());
        assert!(client.check_origin("https://evil.example/v1?x=1").is_err());
        assert!(client.check_origin("http://api.fal.ai/v1").is_err());
    }

    #[test]
    fn a_retry_waits_what_retry_after_says_or_backs_off() {
        let h = |s: &str| ureq::http::HeaderValue::from_str(s).unwrap();
        assert_eq!(retry_after(Some(&h("3")), 0), Duration::from_secs(3));
        assert_eq!(retry_after(Some(&h(" 0 ")), 2), Duration::ZERO);
        assert!(retry_after(Some(&h("Wed, 21 Oct 2026 07:28:00 GMT")), 0) > MAX_WAIT);
        assert_eq!(retry_after(None, 0), Duration::from_secs(1));
        assert_eq!(retry_after(None, 3), Duration::from_secs(8));
    }
}
