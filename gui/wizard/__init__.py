"""The certificate-centre wizard: issue, reissue, renew, register and revoke.

    open_flow_wizard(parent, ctx, "issue")          -> FlowWizard (shown, non-blocking)
    open_flow_wizard(parent, ctx, "renew", cert=(storage, cert_folder))

The wizard is a thin skin over the GUI-free flows in `core.flows`: every page shows the fields of
one flow step, hands what was typed to that step's method and shows the `FieldError` next to the
field it names (or a `FlowError` at the top of the page). The flow declares its steps and stages
(docs/bank-core.md "Steps as data"); the frame builds one page per step from its `{step: page}` map
(`frame.PAGES`) and the step indicator reads the flow's stages. Passwords, the account PIN and
one-time codes live only in their input fields and are cleared when a page is left.

Modules: `frame` (the dialog, navigation, workers), `indicator`, `common` (style, Page base),
`identity_pages` (type, 고객정보, 약관동의), `channel_pages` (본인인증: one page per factor, one
panel per channel, `register_channel_panel`), `save_pages` (reissue confirmation, storage and
password), `cert_pages` (pick a certificate, its password), `done_page`.

The slow part of issuing runs on a worker (`gui.workers`); the window stays responsive and Cancel
asks the flow to stop at its next safe point. When the bank calls or texts, the mock phone pops up
by itself (`gui.phone.PhoneWatcher`).
"""
from .channel_pages import (ChannelPanel, FactorPage, GenericPanel, register_channel_panel,
                            unregister_channel_panel)
from .common import KINDS, Page, WizardProgress
from .frame import PAGES, FlowWizard, open_flow_wizard
from .indicator import StepIndicator

__all__ = ["KINDS", "PAGES", "ChannelPanel", "FactorPage", "FlowWizard", "GenericPanel", "Page", "StepIndicator",
           "WizardProgress", "open_flow_wizard", "register_channel_panel", "unregister_channel_panel"]
