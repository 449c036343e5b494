//! The languages stay whole: every message proplint writes exists in every language,
//! with the same variables, and every resource parses.
#![allow(clippy::unwrap_used)] // a test that meets the unexpected should stop there

use std::collections::{BTreeMap, BTreeSet};

use proplint::lang::l10n::resource_texts;
use proplint::lang::Lang;

/// Message id → the variables its pattern uses, over some resources.
fn messages(texts: &[&str]) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    let id_line = regex::Regex::new(r"^([a-z][a-z0-9-]*)\s*=").unwrap();
    let variable = regex::Regex::new(r"\$([a-z_]+)").unwrap();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for text in texts {
        let mut current: Option<String> = None;
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if let Some(c) = id_line.captures(line) {
                let id = c[1].to_string();
                if out.insert(id.clone(), BTreeSet::new()).is_some() {
                    return Err(format!("message {id} defined twice"));
                }
                current = Some(id);
            }
            if let Some(vars) = current.as_ref().and_then(|id| out.get_mut(id)) {
                vars.extend(variable.captures_iter(line).map(|c| c[1].to_string()));
            }
        }
    }
    Ok(out)
}

/// Whether `other` has exactly English's messages, each with English's variables.
fn compare(english: &[&str], other: &[&str]) -> Result<(), String> {
    let english = messages(english)?;
    let other = messages(other)?;
    for (id, vars) in &english {
        match other.get(id) {
            None => return Err(format!("message {id} is missing")),
            Some(v) if v != vars => {
                return Err(format!(
                    "message {id} has variables {v:?}, English {vars:?}"
                ))
            }
            Some(_) => {}
        }
    }
    match other.keys().find(|id| !english.contains_key(*id)) {
        Some(id) => Err(format!("message {id} does not exist in English")),
        None => Ok(()),
    }
}

#[test]
fn every_resource_parses() {
    for &lang in Lang::ALL {
        for text in resource_texts(lang) {
            if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(text.to_string()) {
                panic!("{}: {errors:?}", lang.code());
            }
        }
    }
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let english = resource_texts(Lang::En);
    assert!(messages(english).unwrap().len() > 60);
    for &lang in &Lang::ALL[1..] {
        if let Err(e) = compare(english, resource_texts(lang)) {
            panic!("{}: {e}", lang.code());
        }
    }
}

fn as_refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// The comparison above fails on a message removed from a language, and on a
/// variable dropped or renamed: shown on the French resources changed on purpose.
#[test]
fn a_missing_message_or_variable_fails() {
    let english = resource_texts(Lang::En);
    let french: Vec<String> = resource_texts(Lang::Fr)
        .iter()
        .map(|t| t.to_string())
        .collect();
    let without =
        |f: &dyn Fn(&str) -> String| -> Vec<String> { french.iter().map(|t| f(t)).collect() };

    let removed = without(&|t: &str| {
        t.lines()
            .filter(|l| !l.starts_with("fix-split-list ="))
            .collect::<Vec<_>>()
            .join("\n")
    });
    let err = compare(english, &as_refs(&removed)).unwrap_err();
    assert!(err.contains("fix-split-list"), "{err}");

    let renamed = without(&|t: &str| t.replace("({ $tag })", "({ $tags })"));
    let err = compare(english, &as_refs(&renamed)).unwrap_err();
    assert!(err.contains("fix-cite"), "{err}");
}
