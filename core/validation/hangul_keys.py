"""Korean words as typed with the keyboard in English mode (두벌식 layout): '사랑해' → 'tkfkdgo'.

Such strings look random to English-trained strength estimators, yet people use them all the
time; feeding their keystroke forms to the estimator as a dictionary keeps them from being
overrated."""
from __future__ import annotations

_INITIAL = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWEL = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINAL = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ",
          "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
_KEYS = {
    "ㅂ": "q", "ㅈ": "w", "ㄷ": "e", "ㄱ": "r", "ㅅ": "t", "ㅛ": "y", "ㅕ": "u", "ㅑ": "i", "ㅐ": "o",
    "ㅔ": "p", "ㅁ": "a", "ㄴ": "s", "ㅇ": "d", "ㄹ": "f", "ㅎ": "g", "ㅗ": "h", "ㅓ": "j", "ㅏ": "k",
    "ㅣ": "l", "ㅋ": "z", "ㅌ": "x", "ㅊ": "c", "ㅍ": "v", "ㅠ": "b", "ㅜ": "n", "ㅡ": "m",
    "ㅃ": "Q", "ㅉ": "W", "ㄸ": "E", "ㄲ": "R", "ㅆ": "T", "ㅒ": "O", "ㅖ": "P",
    "ㅘ": "hk", "ㅙ": "ho", "ㅚ": "hl", "ㅝ": "nj", "ㅞ": "np", "ㅟ": "nl", "ㅢ": "ml",
    "ㄳ": "rt", "ㄵ": "sw", "ㄶ": "sg", "ㄺ": "fr", "ㄻ": "fa", "ㄼ": "fq", "ㄽ": "ft", "ㄾ": "fx",
    "ㄿ": "fv", "ㅀ": "fg", "ㅄ": "qt",
}

# Words people build passwords from (kept short: the estimator also knows English words).
COMMON_WORDS = (
    "사랑 사랑해 사랑해요 비밀 비밀번호 암호 안녕 안녕하세요 대한민국 한국 서울 부산 행복 행운 희망 "
    "우리 우리집 가족 엄마 아빠 오빠 언니 누나 동생 아들 딸 여보 자기 자기야 하늘 바다 친구 "
    "공주 왕자 천사 보물 축구 야구 은행 인증서 고양이 강아지 토끼 호랑이 감사 감사합니다 "
    "최고 바보 좋아 좋아해 김치 나라 사과 딸기 별 달 꿈 봄 여름 가을 겨울 학교 회사 "
    "홍길동 김철수 이영희 도장 공인인증서 공동인증서 비번 기억 영원 마음 시작 성공"
).split()


def to_keystrokes(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            initial, vowel, final = code // 588, (code % 588) // 28, code % 28
            out.append(_KEYS[_INITIAL[initial]] + _KEYS[_VOWEL[vowel]] + (_KEYS[_FINAL[final]] if final else ""))
        else:
            out.append(_KEYS.get(ch, ch))
    return "".join(out)


KEYSTROKE_WORDS = tuple(to_keystrokes(w) for w in COMMON_WORDS)
