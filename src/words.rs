//! One spelling per enum: an enum's `as_str` is the word the JSON, the text report and the page
//! all use, and [`serialize_as_str!`] makes its `Serialize` go through that `as_str`, so that no
//! `#[serde(rename…)]` can spell it differently; [`deserialize_as_str!`] reads the same word back
//! (the page's Worker sends these values to the page's main thread).

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

/// Implements `serde::Deserialize` for each listed type by finding the member of `Type::ALL` whose
/// `as_str` is the word read: the one spelling [`serialize_as_str!`] writes.
macro_rules! deserialize_as_str {
    ($($type:ty),+ $(,)?) => {
        $(
            impl<'de> serde::Deserialize<'de> for $type {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let word = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                    <$type>::ALL
                        .iter()
                        .copied()
                        .find(|member| member.as_str() == word)
                        .ok_or_else(|| serde::de::Error::unknown_variant(&word, &[]))
                }
            }
        )+
    };
}

pub(crate) use deserialize_as_str;
