<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttachImages</name>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="19"/>
        <source>Attach images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="21"/>
        <source>Images ({0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="95"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="96"/>
        <source>Remove {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="105"/>
        <source>Preparing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="106"/>
        <source>Preparing {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="108"/>
        <source>{0}
{1} × {2} px, {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="111"/>
        <source>Image {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentTray</name>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="146"/>
        <source>Drop images here to attach them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="172"/>
        <source>A message can carry up to {0} images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="261"/>
        <source>{0} cannot be attached: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <location filename="../../desktop/ui/chat_controller.py" line="190"/>
        <source>Image saved to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_controller.py" line="355"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_controller.py" line="394"/>
        <source>No provider is set up yet. Add one (Settings → Providers, or `switchboard provider add`); your message is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_controller.py" line="401"/>
        <source>Fix the parameters first: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_controller.py" line="518"/>
        <source>The images could not be stored: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_controller.py" line="687"/>
        <source>Copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_controller.py" line="695"/>
        <source>Stop the reply before deleting messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_controller.py" line="745"/>
        <source>New folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_controller.py" line="746"/>
        <location filename="../../desktop/ui/chat_controller.py" line="761"/>
        <source>Folder name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_controller.py" line="760"/>
        <source>Rename folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_controller.py" line="784"/>
        <source>Export conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_controller.py" line="785"/>
        <source>Markdown (*.md);;HTML (*.html);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_controller.py" line="803"/>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_controller.py" line="820"/>
        <source>Conversation deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatImages</name>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="68"/>
        <source>Save image as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="154"/>
        <location filename="../../desktop/ui/chat_view/images.py" line="172"/>
        <source>The image file is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="166"/>
        <source>The image could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="177"/>
        <source>The image could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="49"/>
        <source>Show or hide the sidebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="52"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="58"/>
        <source>Show or hide parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="78"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="88"/>
        <source>Editing a message: sending makes a new branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="90"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="91"/>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="104"/>
        <source>Attach images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="114"/>
        <location filename="../../desktop/ui/chat_pane.py" line="116"/>
        <location filename="../../desktop/ui/chat_pane.py" line="157"/>
        <location filename="../../desktop/ui/chat_pane.py" line="158"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="117"/>
        <location filename="../../desktop/ui/chat_pane.py" line="159"/>
        <source>Send (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="151"/>
        <location filename="../../desktop/ui/chat_pane.py" line="152"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="153"/>
        <source>Stop the reply (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="212"/>
        <source>The images are still being prepared; send again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../desktop/ui/chat_view/documents.py" line="29"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/view.py" line="48"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/view.py" line="62"/>
        <source>↓  Jump to latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/view.py" line="63"/>
        <source>Jump to latest message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../desktop/ui/composer.py" line="31"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="39"/>
        <source>Describe the image to generate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="41"/>
        <source>Message…  (Enter to send, Shift+Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="43"/>
        <source>Message…  (Ctrl+Enter to send, Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="44"/>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="48"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="50"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="52"/>
        <source>Previous 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="54"/>
        <source>Previous 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="56"/>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="199"/>
        <location filename="../../desktop/ui/conversation_list/model.py" line="204"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationListView</name>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="31"/>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="110"/>
        <source>Rename folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="112"/>
        <source>Delete folder (its conversations stay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="122"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="123"/>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="125"/>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="125"/>
        <source>Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="127"/>
        <source>Move to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="129"/>
        <source>No folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="138"/>
        <source>New folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="140"/>
        <source>Unarchive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="140"/>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="142"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="144"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="24"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="25"/>
        <source>Search history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="26"/>
        <source>Send (or new line, when swapped in the Settings menu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="27"/>
        <source>New line (or send, when swapped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="28"/>
        <source>Stop the reply, cancel editing, clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="29"/>
        <source>In an empty composer: edit your last message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="30"/>
        <source>Rename the selected conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="31"/>
        <source>Delete the selected conversation (with Undo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="32"/>
        <source>Undo the last delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="33"/>
        <source>Show or hide the sidebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="34"/>
        <source>Show or hide the parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="35"/>
        <source>Focus the composer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="36"/>
        <source>This help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="37"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="44"/>
        <location filename="../../desktop/ui/help_dialog.py" line="51"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="47"/>
        <source>keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="52"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="52"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageGenerationController</name>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="76"/>
        <source>Describe the image to generate first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="78"/>
        <source>Type what the image should show after /image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="86"/>
        <source>Image generation does not use the attached images; they stay for your next chat message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="161"/>
        <source>No provider is set up yet. Add one (Settings → Providers, or `switchboard provider add`); your prompt is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="172"/>
        <source>Pick an image model (one with the [image] badge, e.g. dall-e-3) in the model picker at the top (Ctrl+M); your prompt is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="210"/>
        <source>Generating image…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageMode</name>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="178"/>
        <source>Image mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="179"/>
        <source>Image mode: Send generates images from the text (or type /image and a prompt)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageOptionsRow</name>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="59"/>
        <source>Image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="60"/>
        <source>Image size (auto: the model&apos;s default, not sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="62"/>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="63"/>
        <source>custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="65"/>
        <source>WxH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="66"/>
        <source>Custom image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="67"/>
        <source>Width x height in pixels, e.g. 1536x1024</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="72"/>
        <source>Number of images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="73"/>
        <source>How many images to generate (1–4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="75"/>
        <source>Image quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="77"/>
        <location filename="../../desktop/ui/image_mode.py" line="81"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="79"/>
        <source>Image style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="82"/>
        <source>Quality (default: not sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="83"/>
        <source>Style, for models that take one (default: not sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="86"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="88"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="89"/>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="90"/>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="140"/>
        <source>The custom image size must look like 1024x1024.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="206"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="306"/>
        <source>Image missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="363"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="364"/>
        <source>Save image as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="365"/>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="32"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="38"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="47"/>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="48"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="69"/>
        <source>The image could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="100"/>
        <source>Save image as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="101"/>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyPromptDialog</name>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="102"/>
        <source>API key for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="111"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="112"/>
        <source>Paste the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="114"/>
        <source>Save it in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyringProblemDialog</name>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="39"/>
        <source>The key could not be stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="43"/>
        <source>The key for &lt;b&gt;%1&lt;/b&gt; was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="52"/>
        <source>Switchboard never writes keys to its own files. Choose how to go on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="57"/>
        <source>Keep the key in memory for this session only (asked again next start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="59"/>
        <source>Read the key from an environment variable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="67"/>
        <source>Environment variable name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="91"/>
        <source>Enter a variable name (letters, digits and _).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="140"/>
        <source>Opening history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="161"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="162"/>
        <source>&amp;New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="165"/>
        <source>&amp;Export conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="168"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="172"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="173"/>
        <source>&amp;Search history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="176"/>
        <source>Show or hide the si&amp;debar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="179"/>
        <source>Show or hide the &amp;parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="183"/>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="186"/>
        <location filename="../../desktop/ui/main_window.py" line="207"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="187"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="187"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="195"/>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="196"/>
        <source>&amp;Enter sends the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="201"/>
        <source>&amp;Providers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="203"/>
        <source>Read &amp;aloud…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="204"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="216"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="217"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="246"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="264"/>
        <source>The history is still opening. Your message is kept in the composer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="270"/>
        <source>The history could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="334"/>
        <source>The language changes the next time Switchboard starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="373"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="125"/>
        <source>Previous version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="129"/>
        <source>Next version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="162"/>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="187"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="188"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="206"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="207"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="209"/>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="211"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="213"/>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="407"/>
        <source>Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="249"/>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="296"/>
        <source>Thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="298"/>
        <source>Thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="314"/>
        <source>The request failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="317"/>
        <source>The reply was interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="356"/>
        <source>{0} in · {1} out tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="362"/>
        <source>first token {0:.2f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="364"/>
        <source>{0:.1f} tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="407"/>
        <source>Stop reading</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="241"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="242"/>
        <source>Choose the model (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="324"/>
        <source>No provider yet — add one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="326"/>
        <source>Choose a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="335"/>
        <source>%1 on %2 %3 — click to change (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="398"/>
        <source>Loading models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="428"/>
        <source> Showing the list from %1 h ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="432"/>
        <source>Could not load models: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelPopup</name>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="65"/>
        <source>Search models, or type a model name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="66"/>
        <source>Search models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="74"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="89"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="90"/>
        <source>Refresh model lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="91"/>
        <source>Fetch every provider&apos;s model list again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/model_picker.py" line="117"/>
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="191"/>
        <source>Remove from favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="191"/>
        <source>Add to favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="194"/>
        <source>Capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="196"/>
        <source>Vision (image input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="197"/>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="198"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="199"/>
        <source>Image generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="210"/>
        <source>Use the known defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="213"/>
        <source>Forget this hand-typed model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParameterFields</name>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="24"/>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="25"/>
        <source>Top P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="26"/>
        <source>Max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="27"/>
        <source>Presence penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="28"/>
        <source>Frequency penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="29"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="30"/>
        <source>Choices (n)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="31"/>
        <source>Stop sequences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="32"/>
        <source>Logit bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="33"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="34"/>
        <source>JSON schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="41"/>
        <source>-2 to 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="42"/>
        <source>whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="43"/>
        <source>one per line, up to 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="46"/>
        <source>end-user id for abuse monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="54"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="58"/>
        <source>Provider default — e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="65"/>
        <source>%1 (%2). Leave empty to use the provider&apos;s default.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="164"/>
        <source>SYSTEM PROMPT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="167"/>
        <source>You are a helpful assistant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="168"/>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="174"/>
        <source>SAMPLING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="198"/>
        <source>RESPONSE FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="201"/>
        <source>Response format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="203"/>
        <source>Provider default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="204"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="205"/>
        <source>JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="206"/>
        <location filename="../../desktop/ui/parameter_panel.py" line="213"/>
        <source>JSON schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="236"/>
        <source>Empty fields are not sent: the provider&apos;s default applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="252"/>
        <source>PARAMETERS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="258"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="259"/>
        <source>Unset every parameter (provider defaults)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="260"/>
        <source>Reset parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="272"/>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="273"/>
        <source>Load a preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="278"/>
        <source>Preset actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="279"/>
        <source>Save, rename or delete presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="283"/>
        <source>Save as preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="284"/>
        <source>Rename preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="285"/>
        <location filename="../../desktop/ui/parameter_panel.py" line="588"/>
        <source>Delete preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="288"/>
        <source>Use as defaults for this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="291"/>
        <source>Forget this model&apos;s defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="428"/>
        <source>Also sent (set elsewhere): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="445"/>
        <source>Presets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="452"/>
        <source>%1 (built-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="476"/>
        <source>Use as defaults for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="557"/>
        <source>Preset name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="562"/>
        <source>Save preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="568"/>
        <source>Replace preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="569"/>
        <source>A preset named “%1” exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="579"/>
        <source>Rename preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="588"/>
        <source>Delete the preset “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrepareImage</name>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="55"/>
        <source>The image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="57"/>
        <source>{0} cannot be attached: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="103"/>
        <source>The image could not be encoded as {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="124"/>
        <location filename="../../desktop/media/image_prepare.py" line="196"/>
        <source>the file is {0} MB; the limit is {1} MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="128"/>
        <source>the file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="136"/>
        <source>it is not an image in a known format (JPEG, PNG, GIF, WebP, BMP or TIFF).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="141"/>
        <location filename="../../desktop/media/image_prepare.py" line="210"/>
        <source>it has {0} megapixels; the limit is {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="146"/>
        <source>it is animated ({0} frames); attach a still image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="150"/>
        <source>the file is cut off (incomplete or corrupt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="162"/>
        <source>it could not be decoded ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="208"/>
        <source>the clipboard held no readable image.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderForm</name>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="100"/>
        <source>Provider name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="101"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="103"/>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="109"/>
        <source>Base &amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="111"/>
        <source>API style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="114"/>
        <source>API &amp;style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="117"/>
        <source>Where the key comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="118"/>
        <source>System keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="119"/>
        <source>Environment variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="120"/>
        <source>No key (local server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="121"/>
        <source>&amp;Key from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="126"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="127"/>
        <location filename="../../desktop/ui/provider_form.py" line="317"/>
        <location filename="../../desktop/ui/provider_form.py" line="327"/>
        <source>Paste the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="130"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="132"/>
        <source>Show the key while typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="139"/>
        <source>API &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="147"/>
        <source>Environment variable name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="149"/>
        <source>&amp;Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="173"/>
        <source>Connection options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="178"/>
        <source>Show connection options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="185"/>
        <source>Ask for token usage in streams (stream_options)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="187"/>
        <source>Some relays reject stream_options; turn this off for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="191"/>
        <location filename="../../desktop/ui/provider_form.py" line="197"/>
        <source>Extra headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="200"/>
        <location filename="../../desktop/ui/provider_form.py" line="209"/>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="201"/>
        <source>System / environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="202"/>
        <source>No proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="203"/>
        <source>This proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="206"/>
        <source>Proxy URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="210"/>
        <source>Verify TLS certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="214"/>
        <source>Custom CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="215"/>
        <source>System trust store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="217"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="218"/>
        <source>Choose a CA bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="221"/>
        <location filename="../../desktop/ui/provider_form.py" line="420"/>
        <source>CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="225"/>
        <location filename="../../desktop/ui/provider_form.py" line="226"/>
        <source>Connect timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="230"/>
        <location filename="../../desktop/ui/provider_form.py" line="231"/>
        <source>Read timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="234"/>
        <location filename="../../desktop/ui/provider_form.py" line="235"/>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="154"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="155"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="316"/>
        <source>Checking the system keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="320"/>
        <source>A key is stored in the system keyring. Paste a new one to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="322"/>
        <source>(stored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="325"/>
        <source>Stored only in the system keyring, never in Switchboard&apos;s files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="407"/>
        <source>Enter the gateway&apos;s base URL, usually ending in /v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="409"/>
        <source>Chat requests go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="422"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderWiring</name>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="183"/>
        <source>The key for %1 is in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="186"/>
        <source>%2 The key for %1 is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="190"/>
        <source>The key for %1 is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="194"/>
        <source>Send again to use it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvidersDialog</name>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="71"/>
        <location filename="../../desktop/ui/providers_dialog.py" line="92"/>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="86"/>
        <source>PROVIDERS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="102"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="103"/>
        <source>Add a provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="107"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="107"/>
        <source>Remove the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="109"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="111"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="131"/>
        <source>No provider yet. Use “Add” to start from a template: cloud APIs, relay gateways such as MaxAPI, ModelMax or MaxToken, or a local server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="143"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="146"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="169"/>
        <source>Cloud APIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="170"/>
        <source>Relay gateways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="171"/>
        <source>Local servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="193"/>
        <source>%1 (new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="252"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="253"/>
        <source>Save the changes to this provider?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="325"/>
        <source>Replace the example base URL with your gateway&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="377"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="395"/>
        <source>Storing the key in the system keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="405"/>
        <source>Saved; the key is in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="414"/>
        <source>The key was not kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="419"/>
        <source>The key is kept in memory until Switchboard quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="423"/>
        <source>The key will be read from the environment variable %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="457"/>
        <source>Remove %1? Its key is deleted from the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="460"/>
        <source>Remove provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="476"/>
        <source>The provider was removed, but its key could not be deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="500"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/providers_dialog.py" line="522"/>
        <source>Connected. %n model(s) available</source>
        <translation>
            <numerusform>Connected. %n model available</numerusform>
            <numerusform>Connected. %n models available</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="531"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="174"/>
        <location filename="../../desktop/ui/read_aloud.py" line="178"/>
        <source>Read aloud failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="176"/>
        <source>This reply has no text to read aloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="185"/>
        <source>This reply is long: only its first part is read aloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="195"/>
        <source>Audio cannot be played here (QtMultimedia does not load: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="198"/>
        <source>There is no audio output on this system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="201"/>
        <source>This installation plays only WAV audio, and the provider sent %1. Choose WAV in the read-aloud settings to listen here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="232"/>
        <source>The audio could not be played: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="257"/>
        <source>The audio was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="260"/>
        <source>Audio saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="266"/>
        <source>Save audio — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="267"/>
        <source>Audio (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RichTextView</name>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="491"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="493"/>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="497"/>
        <source>Copy link address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchResultsView</name>
    <message>
        <location filename="../../desktop/ui/search_results.py" line="277"/>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="45"/>
        <source>New conversation (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="46"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="53"/>
        <source>Search  (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="54"/>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="79"/>
        <source>No conversations yet.
Start one with Ctrl+N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="92"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="105"/>
        <source>No matches for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="113"/>
        <source>Search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeechPlayer</name>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="93"/>
        <source>the WAV file could not be decoded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeechSettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="30"/>
        <source>Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="33"/>
        <source>The conversation&apos;s provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="48"/>
        <source>WAV plays everywhere; other formats need a media backend (installs from pip have one, the bundle does not).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="51"/>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="52"/>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="52"/>
        <source>Voice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="53"/>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="73"/>
        <location filename="../../desktop/ui/main_window.py" line="75"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="76"/>
        <source>Undo (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisionCheck</name>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="72"/>
        <source>Send images?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="73"/>
        <source>{0} is not known to understand images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="75"/>
        <source>The provider may refuse the request or the model may ignore the images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="76"/>
        <source>Send anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="79"/>
        <source>Don&apos;t ask again for this model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="64"/>
        <source>Connect a model provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="70"/>
        <source>Switchboard talks to any OpenAI-compatible API: cloud providers, relay gateways and servers on this computer. Keys are kept in your system keyring only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="78"/>
        <source>Add a provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="80"/>
        <source>Add a provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="93"/>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="100"/>
        <source>ON THIS COMPUTER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="111"/>
        <source>Look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="112"/>
        <source>Look for local servers again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="138"/>
        <source>Looking for local servers on 127.0.0.1 (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="160"/>
        <source>No local server answered. Start Ollama, LM Studio, llama.cpp, vLLM or LiteLLM and look again, or add a provider above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="165"/>
        <source>These servers answered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="176"/>
        <source>asks for a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/welcome_view.py" line="178"/>
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="187"/>
        <source>Use it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="188"/>
        <source>Use %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>read_aloud</name>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="284"/>
        <source>Choose a provider first: read aloud uses the conversation&apos;s provider.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
