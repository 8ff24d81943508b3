//! One spelling per enum: an enum's `as_str` is the word the JSON, the text report and the page
//! all use, and [`serialize_as_str!`] makes its `Serialize` go through that `as_str`, so that no
//! `#[serde(rename…)]` can spell it differently.

/// Implements `serde::Serialize` for each listed type by serializing `self.as_str()`.
macro_rules! serialize_as_str {
    ($($type:ty),+ $(,)?) => {
        $(
            impl serde::Serialize for $type {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }
        )+
    };
}

pub(crate) use serialize_as_str;
