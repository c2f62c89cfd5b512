//! Who the coordinator works for: asked at the first start, used by the documents.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The district's education body and the people who sign.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DistrictProfile {
    /// «Управление образования г. Таганрога».
    pub issuer: String,
    /// The same in the genitive, for «Приказ Управления образования г. Таганрога».
    pub issuer_genitive: String,
    /// «Баркалова Е.В., главный специалист».
    pub coordinator: String,
    /// Who signs orders: «Морозова О.Л., начальник Управления образования».
    pub head: String,
    /// The district's name as the region knows it: «г. Таганрог», «Неклиновский район».
    #[serde(default)]
    pub district: String,
    /// ОКТМО of the district («60737000»): identifies it in the region's roll-up.
    #[serde(default)]
    pub oktmo: String,
}
