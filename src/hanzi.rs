//! Traditional characters of the budget vocabulary read as their simplified forms: a report copied from a site's 繁體 view (績效目標, 執行數) is matched as the simplified one, at the same positions.

/// Traditional characters of the budget vocabulary with their simplified forms, sorted by the
/// traditional one. Each pair takes three bytes in UTF-8, so a position found in the folded
/// text is the same in the original (a test checks both).
const FOLD: &[(char, char)] = &[
    ('並', '并'),
    ('個', '个'),
    ('們', '们'),
    ('備', '备'),
    ('傳', '传'),
    ('價', '价'),
    ('優', '优'),
    ('兒', '儿'),
    ('內', '内'),
    ('凍', '冻'),
    ('劃', '划'),
    ('務', '务'),
    ('勞', '劳'),
    ('勵', '励'),
    ('匯', '汇'),
    ('區', '区'),
    ('協', '协'),
    ('參', '参'),
    ('員', '员'),
    ('單', '单'),
    ('圍', '围'),
    ('園', '园'),
    ('執', '执'),
    ('報', '报'),
    ('場', '场'),
    ('學', '学'),
    ('實', '实'),
    ('將', '将'),
    ('專', '专'),
    ('對', '对'),
    ('導', '导'),
    ('層', '层'),
    ('屬', '属'),
    ('幣', '币'),
    ('廠', '厂'),
    ('廣', '广'),
    ('廳', '厅'),
    ('後', '后'),
    ('從', '从'),
    ('態', '态'),
    ('應', '应'),
    ('戰', '战'),
    ('戶', '户'),
    ('損', '损'),
    ('撥', '拨'),
    ('擊', '击'),
    ('據', '据'),
    ('數', '数'),
    ('時', '时'),
    ('會', '会'),
    ('條', '条'),
    ('業', '业'),
    ('極', '极'),
    ('構', '构'),
    ('標', '标'),
    ('機', '机'),
    ('檢', '检'),
    ('歲', '岁'),
    ('歸', '归'),
    ('氣', '气'),
    ('況', '况'),
    ('減', '减'),
    ('測', '测'),
    ('溫', '温'),
    ('滿', '满'),
    ('濟', '济'),
    ('災', '灾'),
    ('為', '为'),
    ('無', '无'),
    ('爭', '争'),
    ('獎', '奖'),
    ('現', '现'),
    ('環', '环'),
    ('產', '产'),
    ('畫', '画'),
    ('當', '当'),
    ('療', '疗'),
    ('發', '发'),
    ('監', '监'),
    ('確', '确'),
    ('種', '种'),
    ('積', '积'),
    ('穩', '稳'),
    ('範', '范'),
    ('築', '筑'),
    ('簡', '简'),
    ('紀', '纪'),
    ('級', '级'),
    ('組', '组'),
    ('結', '结'),
    ('給', '给'),
    ('統', '统'),
    ('經', '经'),
    ('維', '维'),
    ('網', '网'),
    ('縣', '县'),
    ('總', '总'),
    ('績', '绩'),
    ('織', '织'),
    ('繼', '继'),
    ('續', '续'),
    ('義', '义'),
    ('聯', '联'),
    ('職', '职'),
    ('與', '与'),
    ('萬', '万'),
    ('蓋', '盖'),
    ('處', '处'),
    ('術', '术'),
    ('衛', '卫'),
    ('補', '补'),
    ('製', '制'),
    ('規', '规'),
    ('覽', '览'),
    ('計', '计'),
    ('設', '设'),
    ('評', '评'),
    ('說', '说'),
    ('請', '请'),
    ('證', '证'),
    ('識', '识'),
    ('護', '护'),
    ('變', '变'),
    ('負', '负'),
    ('責', '责'),
    ('費', '费'),
    ('貼', '贴'),
    ('資', '资'),
    ('質', '质'),
    ('轉', '转'),
    ('農', '农'),
    ('這', '这'),
    ('進', '进'),
    ('運', '运'),
    ('過', '过'),
    ('達', '达'),
    ('還', '还'),
    ('鄉', '乡'),
    ('醫', '医'),
    ('鋼', '钢'),
    ('鎮', '镇'),
    ('門', '门'),
    ('開', '开'),
    ('間', '间'),
    ('關', '关'),
    ('隊', '队'),
    ('際', '际'),
    ('險', '险'),
    ('雜', '杂'),
    ('離', '离'),
    ('難', '难'),
    ('項', '项'),
    ('預', '预'),
    ('題', '题'),
    ('額', '额'),
    ('飲', '饮'),
    ('養', '养'),
    ('餘', '余'),
    ('驗', '验'),
    ('體', '体'),
    ('點', '点'),
];

/// The simplified form of a traditional character of [`FOLD`], else the character.
pub fn fold_char(c: char) -> char {
    if (c as u32) < 0x4E00 {
        return c;
    }
    FOLD.binary_search_by_key(&c, |(t, _)| *t)
        .ok()
        .and_then(|i| FOLD.get(i))
        .map_or(c, |(_, s)| *s)
}

/// The text with the budget vocabulary's traditional characters in their simplified forms,
/// byte for byte where the original has them (report text is matched on this, cells keep
/// the original's).
pub fn fold(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| fold_char(c) != c) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().map(fold_char).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_every_position() {
        for (t, s) in FOLD {
            assert_eq!(t.len_utf8(), s.len_utf8(), "{t}");
        }
        let text = "臨河區2023年中央農業防災減災資金績效自評報告\n資金已全部支付到位。";
        let folded = fold(text);
        assert_eq!(folded.len(), text.len());
        assert!(folded.contains("绩效自评报告") && folded.contains("资金已全部支付到位"));
    }
}
