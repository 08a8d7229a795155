"""Verification channels (docs/bank-core.md "Channels"): the interface, the registry and the four
built-in channels, registered on import."""
from .base import (FACTOR_COLUMN, MEDIA, PHONE, REGISTRY, Challenge, Channel, ChannelEnv, ChannelSpec, SessionInfo,
                   register_channel, unregister_channel)
from .media_channels import CardChallenge, CardChannel, MobileOtpChannel, OtpChannel, mask_serial
from .phone_channels import ArsChannel, ArsStarted, SmsChannel, SmsSent

ARS = register_channel(ArsChannel())
SMS = register_channel(SmsChannel())
CARD = register_channel(CardChannel())
OTP = register_channel(OtpChannel())
MOBILE_OTP = register_channel(MobileOtpChannel())

__all__ = ["ARS", "ArsChannel", "ArsStarted", "CARD", "CardChallenge", "CardChannel", "Challenge", "Channel",
           "ChannelEnv", "ChannelSpec", "FACTOR_COLUMN", "MEDIA", "MOBILE_OTP", "MobileOtpChannel", "OTP", "OtpChannel", "PHONE", "REGISTRY", "SMS",
           "SessionInfo", "SmsChannel", "SmsSent", "mask_serial", "register_channel", "unregister_channel"]
