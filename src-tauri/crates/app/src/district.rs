//! The demo district, loaded only into an empty data file.

use store::district::{self, Loaded};
use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};

pub fn load_demo(store: &mut Store) -> CommandResult<Loaded> {
    if !store.is_empty()? {
        return Err(CommandError::new(
            ErrorCode::Conflict,
            "В файле данных уже есть школы или дорожные карты: демонстрационный район загружается только в пустой файл (укажите другой файл: --db ФАЙЛ)",
        ));
    }
    Ok(district::load(store, &district::parse(district::DEMO)?)?)
}
