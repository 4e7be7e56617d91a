//! Views: what each command shows, as typed values.
//!
//! A command's result becomes a view struct deriving `Serialize`; `--json` is that struct
//! serialised ([`json`]), so the JSON shape is declared once, by the struct's fields. Text
//! tables declare their columns once (`render::Column`) and are filled from the same view.
//!
//! The JSON conventions every view keeps (the README and the tests pin them):
//! - every decimal is an exact string (`"12.5"`), never a JSON number ([`Dec`]);
//! - an amount that may be a range is flattened under its name ([`AmountField`]): `name` when
//!   exact; `name: null` with `min_name` and `max_name` while a range is open; `name: null`
//!   when unknown;
//! - keys come out sorted, as they always have (the document goes through `serde_json::Value`,
//!   whose maps are ordered by key).

pub mod account;
pub mod balance;
pub mod billed;
pub mod budgets;
pub mod calc;
pub mod chart;
pub mod check;
pub mod columns;
pub mod db;
pub mod entries;
pub mod history;
pub mod plans;
pub mod pricing;
pub mod quote;
pub mod report;
pub mod sheet;
pub mod status;

use credits_core::money::{self, Amount, MoneyRange, Ratio};
use rust_decimal::Decimal;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A view as the pretty JSON a command prints, with a trailing newline.
pub fn json<T: Serialize>(view: &T) -> String {
    let value = serde_json::to_value(view).unwrap_or(serde_json::Value::Null);
    crate::render::json(&value)
}

/// An exact decimal, serialised as a string with no trailing zeros (`"0.5"`).
#[derive(Clone, Copy, Debug)]
pub struct Dec(pub Decimal);

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.normalize().to_string())
    }
}

/// A decimal string, or null.
pub fn dec(value: Option<Decimal>) -> Option<Dec> {
    value.map(Dec)
}

/// A price per credit (an exact fraction) as a decimal string, or null.
pub fn ratio(value: Option<&Ratio>) -> Option<Dec> {
    value.map(|r| Dec(money::to_decimal(r)))
}

/// An amount flattened under its name (`#[serde(flatten)]`): see the module's conventions.
pub struct AmountField {
    pub name: &'static str,
    pub value: Option<Amount>,
}

impl AmountField {
    pub fn new(name: &'static str, value: Option<Amount>) -> AmountField {
        AmountField { name, value }
    }

    /// Money held as exact fractions, flattened the same way.
    pub fn money(name: &'static str, value: Option<&MoneyRange>) -> AmountField {
        AmountField::new(name, value.map(MoneyRange::to_amount))
    }
}

impl Serialize for AmountField {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        match self.value {
            Some(v) if v.is_exact() => map.serialize_entry(self.name, &Dec(v.min))?,
            Some(v) => {
                map.serialize_entry(self.name, &None::<Dec>)?;
                map.serialize_entry(&format!("min_{}", self.name), &Dec(v.min))?;
                let max = (!v.open).then_some(Dec(v.max));
                map.serialize_entry(&format!("max_{}", self.name), &max)?;
            }
            None => map.serialize_entry(self.name, &None::<Dec>)?,
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(serde::Serialize)]
    struct Example {
        #[serde(flatten)]
        credits: AmountField,
        price: Option<Dec>,
    }

    #[test]
    fn an_amount_is_exact_a_range_or_unknown_and_decimals_are_strings() {
        let exact = Example {
            credits: AmountField::new("credits", Some(Amount::exact(Decimal::new(1250, 2)))),
            price: dec(Some(Decimal::new(50, 2))),
        };
        assert_eq!(
            serde_json::to_value(&exact).unwrap(),
            json!({"credits": "12.5", "price": "0.5"})
        );
        let range = Example {
            credits: AmountField::new(
                "credits",
                Some(Amount::range(Decimal::from(20), Decimal::from(40))),
            ),
            price: None,
        };
        assert_eq!(
            serde_json::to_value(&range).unwrap(),
            json!({"credits": null, "min_credits": "20", "max_credits": "40", "price": null})
        );
        let unknown = Example {
            credits: AmountField::new("credits", None),
            price: None,
        };
        assert_eq!(
            serde_json::to_value(&unknown).unwrap(),
            json!({"credits": null, "price": null})
        );
    }
}
