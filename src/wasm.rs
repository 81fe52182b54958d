//! The only JavaScript-aware file: a `Validator` handle whose `check` returns plain records (TypeScript types below).

use crate::diagnostic::Lang;
use crate::profile::Profile;
use crate::rules::registry;
use crate::session::Session;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Where a finding is. Rows and columns are 1-based as in the pasted sheet. */
export interface Location {
  form: number;                 // 0-based index into Report.forms
  section: "form" | "header" | "funding" | "indicators" | "projects" | "text" | null;
  row: number | null;
  column: number | null;
  field: string | null;         // column role, e.g. "rate", "level3", "target"
  cellText: string | null;      // the cell's exact text
}
export interface Diagnostic {
  code: string;                 // stable: S001, R001 …
  name: string;                 // e.g. "execution-rate-mismatch"
  severity: "error" | "warning" | "info";
  message: string;              // what is wrong (zh-CN by default)
  help: string;                 // why it matters and what to do
  location: Location;
  span: { start: number; end: number } | null;  // UTF-16 units in cellText, end exclusive
  related: { location: Location; label: string }[];
  fix: { title: string; replacement: string; applicability: "safe" | "unsafe" } | null;
}
export interface FormSummary {
  kind: "target" | "self-evaluation" | "summary-self-evaluation" | "monitoring" | "narrative-report";
  name: string | null;
  projects: number;
  indicators: number;
  moneyUnit: "yuan" | "qianyuan" | "wanyuan" | "yiyuan" | null;
  row: number | null;
  profile: string;              // the profile the form was checked with
  profileReason: string | null; // why "auto" chose it ("一级指标有“投入与管理”")
  reference: boolean;           // an approved 目标表 given to compare with, not checked
}
export interface Report {
  forms: FormSummary[];
  diagnostics: Diagnostic[];
  summary: { errors: number; warnings: number; infos: number };
}
/** `check`'s signature (declared here so that `approved` may be left out). */
export interface Validator {
  /** Checks a paste (TSV, JSON text or a report) or a form object; `approved`, when given,
   * is the approved 目标表 a self-evaluation is compared with (X001–X004). */
  check(input: string | object, approved?: string | object): Report;
}
export interface ValidatorOptions {
  /** A built-in profile name ("auto") or a profile object. */
  profile?: string | object;
  lang?: "zh" | "en";
}
"#;

/// The text of a check input: a string as is, an object as its JSON (which must read as
/// forms: an object that is not one is host misuse, and throws naming the field).
fn input_text(input: &JsValue) -> Result<String, JsError> {
    if let Some(s) = input.as_string() {
        return Ok(s);
    }
    if !input.is_object() {
        return Err(JsError::new("check() takes a string or a form object"));
    }
    let json = js_sys::JSON::stringify(input)
        .map_err(|_| JsError::new("input object is not serialisable"))?;
    let text = String::from(json);
    crate::read::read_text(&text).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(text)
}

/// Plain JS objects by way of one JSON string: smaller and faster than building them field
/// by field from Rust.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = to_json(value)?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("report is not valid JSON"))
}

/// A report or a list as JSON. Writing our types can't fail (strings, numbers, lists and
/// structs only), and serde_json's error text would bring every message of its parser, and
/// of `std::io`, into the page's module.
fn to_json<T: Serialize>(value: &T) -> Result<String, JsError> {
    serde_json::to_string(value)
        .map_err(|_| JsError::new("the report could not be written as JSON"))
}

#[derive(Default)]
struct Options {
    profile: Option<crate::json::Value>,
    lang: Option<String>,
}

impl Options {
    /// `{profile?, lang?}`; other fields are let be.
    fn from_json(v: &crate::json::Value) -> crate::json::Result<Options> {
        let mut f = crate::json::Fields::of(v, "options")?;
        Ok(Options {
            profile: f.opt("profile", |v, _| Ok(v.clone()))?,
            lang: f.opt("lang", crate::json::string)?,
        })
    }
}

/// Checks forms with one profile and language. Throws only on host misuse
/// (unknown profile, input that is neither a string nor an object). `checkJson` remembers
/// its last check, so checking the next version of the same text redoes only what changed.
#[wasm_bindgen]
pub struct Validator {
    session: Session,
    lang: Lang,
}

#[wasm_bindgen]
impl Validator {
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "ValidatorOptions")] options: JsValue,
    ) -> Result<Validator, JsError> {
        let opts: Options = if options.is_undefined() || options.is_null() {
            Options::default()
        } else {
            let json = js_sys::JSON::stringify(&options)
                .map_err(|_| JsError::new("options must be an object"))?;
            crate::json::parse(&String::from(json))
                .and_then(|v| Options::from_json(&v))
                .map_err(|e| JsError::new(&format!("options: {e}")))?
        };
        // A built-in is used where it was parsed, not copied.
        let builtin = |name: &str| {
            crate::profile::builtin_ref(name)
                .map(Session::builtin)
                .map_err(|e| JsError::new(&e.to_string()))
        };
        let session = match opts.profile {
            None => builtin("auto")?,
            Some(crate::json::Value::String(name)) => builtin(&name)?,
            Some(obj) => {
                Session::new(Profile::from_value(obj).map_err(|e| JsError::new(&e.to_string()))?)
            }
        };
        let lang = match opts.lang.as_deref() {
            None => Lang::Zh,
            Some(l) => {
                Lang::parse(l).ok_or_else(|| JsError::new("lang must be \"zh\" or \"en\""))?
            }
        };
        Ok(Validator { session, lang })
    }

    /// Checks a paste (string: TSV, JSON text or a report) or a form object; returns a
    /// `Report`. `approved`, when given (same kinds of input), holds the approved 目标表 the
    /// self-evaluation is compared with (X001–X004).
    // Typed in TS_TYPES: a Rust parameter can't be declared optional (`approved?`).
    #[wasm_bindgen(skip_typescript)]
    pub fn check(&self, input: JsValue, approved: JsValue) -> Result<JsValue, JsError> {
        let text = input_text(&input)?;
        let profile = self.session.profile();
        let report = if approved.is_undefined() || approved.is_null() {
            crate::check_text_lenient(&text, profile)
        } else {
            let reference = crate::read::read_text(&input_text(&approved)?)
                .map_err(|e| JsError::new(&format!("approved: {e}")))?;
            match crate::read::read_text(&text) {
                Ok(read) => crate::check_against(read, reference, profile),
                Err(_) => crate::check_text_lenient(&text, profile),
            }
        };
        to_js(&report.to_record(self.lang))
    }

    /// `check` returning the report as a JSON string: what the page's worker posts to the
    /// page (a string crosses threads faster than an object graph). Checking an edited
    /// version of the last text reruns only the rules the edit reaches.
    #[wasm_bindgen(js_name = checkJson)]
    pub fn check_json(&mut self, text: &str) -> Result<String, JsError> {
        let record = self.session.check(text).to_record(self.lang);
        to_json(&record)
    }

    /// The pasted text split into rows of cell texts, exactly as `check` locates cells
    /// (row `i`, column `j` here is sheet row `i + 1`, column `j + 1`).
    #[wasm_bindgen(unchecked_return_type = "string[][]")]
    pub fn grid(&self, text: &str) -> Result<JsValue, JsError> {
        if text.len() > crate::read::MAX_INPUT_BYTES {
            return Err(JsError::new(
                &crate::read::ReadError::TooLarge { bytes: text.len() }.to_string(),
            ));
        }
        let g = crate::read::grid::parse(text);
        let rows: Vec<Vec<&str>> = g
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.as_str()).collect())
            .collect();
        to_js(&rows)
    }

    /// Whether a sheet's text holds a form to check (indicators, funding lines, rows of
    /// projects or a report), as the CLI decides which sheets of a workbook to check: a
    /// 填报说明 sheet, or one of header fields alone, does not.
    #[wasm_bindgen(js_name = holdsForm)]
    pub fn holds_form(&self, text: &str) -> bool {
        crate::read::read_text(text).is_ok_and(|out| crate::read::holds_form(&out))
    }

    /// The typed reading of one 指标值 cell.
    #[wasm_bindgen(js_name = parseValue)]
    pub fn parse_value(&self, text: &str) -> Result<JsValue, JsError> {
        to_js(&crate::value::parse(text))
    }

    /// Every diagnostic code with its name, default severity and titles.
    pub fn codes() -> Result<JsValue, JsError> {
        to_js(&registry::TABLE)
    }

    /// The built-in profiles: `{ name, description }` each, `auto` first.
    #[wasm_bindgen(unchecked_return_type = "{ name: string; description: string }[]")]
    pub fn profiles() -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct Listed<'p> {
            name: &'p str,
            description: &'p str,
        }
        let list: Vec<Listed> = crate::profile::BUILTIN
            .iter()
            .filter_map(|(n, _)| crate::profile::builtin_ref(n).ok())
            .map(|p| Listed {
                name: &p.name,
                description: &p.description,
            })
            .collect();
        to_js(&list)
    }

    /// A blank form of `kind` ("target" or "self-evaluation") in this validator's profile
    /// layout (for `auto`: the central 2020 layout), as rows of cell texts.
    #[wasm_bindgen(unchecked_return_type = "string[][]")]
    pub fn template(&self, kind: &str) -> Result<JsValue, JsError> {
        let kind = match kind {
            "target" => crate::form::FormKind::Target,
            "self-evaluation" => crate::form::FormKind::SelfEvaluation,
            _ => {
                return Err(JsError::new(
                    "kind must be \"target\" or \"self-evaluation\"",
                ))
            }
        };
        // A detecting profile lays out a blank form as its fallback would.
        let profile = self
            .session
            .profile()
            .detect
            .last()
            .and_then(|rule| crate::profile::builtin_ref(&rule.profile).ok())
            .unwrap_or(self.session.profile());
        to_js(&crate::template::blank(profile, kind))
    }

    #[wasm_bindgen(getter, js_name = profileName)]
    pub fn profile_name(&self) -> String {
        self.session.profile().name.clone()
    }
}
