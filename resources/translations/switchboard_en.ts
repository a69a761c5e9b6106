<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/ui/studio/media_players.py" line="47"/>
        <source>This build cannot play media here (QtMultimedia does not load: %1). Save the file or open it with the system player.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/media_players.py" line="51"/>
        <source>this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/media_players.py" line="52"/>
        <source>This build cannot play %1; save it or open it with the system player.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/media_players.py" line="55"/>
        <source>This build cannot show videos; save it or open it with the system player.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="75"/>
        <source>Data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="76"/>
        <source>Log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="77"/>
        <source>Keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="78"/>
        <source>Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="79"/>
        <source>Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="90"/>
        <source>Copy diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="95"/>
        <source>About %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="102"/>
        <source>Running the self-test…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="106"/>
        <source>Diagnostics copied (secrets removed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="110"/>
        <source>The self-test could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachImages</name>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="21"/>
        <source>Images and documents ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="23"/>
        <source>Images ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="24"/>
        <source>PDF and Word documents ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="25"/>
        <source>Text and code ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="27"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="30"/>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="114"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="115"/>
        <source>Remove {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="119"/>
        <source>Preparing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="120"/>
        <source>Preparing {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="122"/>
        <source>{0}
{1} × {2} px, {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="125"/>
        <source>Image {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentTray</name>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="195"/>
        <source>Drop images or documents here to attach them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="253"/>
        <source>A message can carry up to {0} attachments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="367"/>
        <location filename="../../desktop/ui/attachments/tray.py" line="444"/>
        <source>{0} cannot be attached: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BalanceWatch</name>
    <message>
        <location filename="../../desktop/ui/balance_watch.py" line="169"/>
        <source>⚠ Low balance: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/balance_watch.py" line="172"/>
        <source>%1 has %2; you asked to be warned below %3. Click to see the balance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/balance_watch.py" line="185"/>
        <source>Show balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/balance_watch.py" line="186"/>
        <source>%1 has no balance left for this request.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatFiles</name>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="55"/>
        <source>{0} is missing from the attachment store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="61"/>
        <source>No application opens {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="64"/>
        <source>{0} could not be opened: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatImages</name>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="79"/>
        <source>Save image as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="164"/>
        <location filename="../../desktop/ui/chat_view/images.py" line="182"/>
        <source>The image file is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="176"/>
        <source>The image could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="187"/>
        <source>The image could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="221"/>
        <source>Show or hide the sidebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="90"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="207"/>
        <source>Compare: send this message to several models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="208"/>
        <source>Compare mode: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="211"/>
        <source>{0} models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="212"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="215"/>
        <source>Compare this message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="216"/>
        <source>Compare mode for this conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="217"/>
        <source>Back to one model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="222"/>
        <source>Show or hide parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="223"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="227"/>
        <source>Editing a message: sending makes a new branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="228"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="229"/>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="224"/>
        <source>Attach images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="269"/>
        <location filename="../../desktop/ui/chat_pane.py" line="270"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="271"/>
        <source>Send (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="263"/>
        <location filename="../../desktop/ui/chat_pane.py" line="264"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="265"/>
        <source>Stop the reply (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="330"/>
        <source>The images are still being prepared; send again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatTarget</name>
    <message>
        <location filename="../../desktop/ui/chat_target.py" line="37"/>
        <source>No provider is set up yet. Add one in Settings → Providers (or with “switchboard provider add” on the command line); your message is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_target.py" line="40"/>
        <source>Choose a model first; your message is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_target.py" line="52"/>
        <source>Fix the parameters first: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../desktop/ui/chat_view/documents.py" line="30"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/view.py" line="93"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/view.py" line="94"/>
        <source>↓  Jump to latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/view.py" line="95"/>
        <source>Jump to latest message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagrams.py" line="78"/>
        <source>Diagram not shown: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareChooser</name>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="103"/>
        <source>Compare models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="104"/>
        <source>Compare mode for this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="109"/>
        <source>Send this message to several models at once; their replies stream side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="111"/>
        <source>Every message of this conversation goes to each of these models, side by side, until you continue with one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="117"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="123"/>
        <source>Add a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="134"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="134"/>
        <source>Turn on compare mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="174"/>
        <source>Choose at least two models.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareColumn</name>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="109"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="110"/>
        <source>Stop this model&apos;s reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="111"/>
        <source>Stop {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="112"/>
        <source>Continue with this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="114"/>
        <source>Make this reply&apos;s branch the conversation and go back to one model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="159"/>
        <source>streaming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="161"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="163"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareColumns</name>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="253"/>
        <source>Compare mode: {0} models. Each new message goes to all of them, each on its own branch; “Continue with this one” keeps one and returns to a single model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="258"/>
        <source>Comparing {0} models. A new message goes to each of them on its own branch; “Continue with this one” keeps one and returns to a single model.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareController</name>
    <message>
        <location filename="../../desktop/ui/compare/compare_controller.py" line="147"/>
        <source>A message in a column cannot be edited: send a new one, and it goes to every column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/compare_controller.py" line="217"/>
        <source>Type the message to compare first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../desktop/ui/composer.py" line="37"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="47"/>
        <source>Describe the image to generate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="49"/>
        <source>Message…  (Enter to send, Shift+Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="51"/>
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
        <location filename="../../desktop/ui/conversation_list/model.py" line="211"/>
        <location filename="../../desktop/ui/conversation_list/model.py" line="216"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationListView</name>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="49"/>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="121"/>
        <source>Rename folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="123"/>
        <source>Delete folder (its conversations stay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="133"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="134"/>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="136"/>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="136"/>
        <source>Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="138"/>
        <source>Move to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="140"/>
        <source>No folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="149"/>
        <source>New folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="151"/>
        <source>Unarchive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="151"/>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="153"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="155"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateForm</name>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="117"/>
        <source>New knowledge base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="119"/>
        <source>Files are split into chunks and embedded with the model you choose; each message then finds the chunks closest to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="121"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="121"/>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="121"/>
        <source>Embedding &amp;model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="122"/>
        <source>&amp;Chunk size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="122"/>
        <source>&amp;Overlap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="125"/>
        <source>e.g. Product manuals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="126"/>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="130"/>
        <source>About a page of prose: long enough to hold an answer, short enough to be precise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="132"/>
        <source>Text shared by neighbouring chunks, so a sentence cut by a boundary is found whole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="152"/>
        <source>Give the knowledge base a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="154"/>
        <source>A knowledge base named {0} exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="156"/>
        <source>Add a provider first (Settings → Providers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="158"/>
        <source>Choose the embedding model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="160"/>
        <source>The overlap must be smaller than the chunk size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="170"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagramViewer</name>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="47"/>
        <source>Save diagram as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="61"/>
        <source>Diagram not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="95"/>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="133"/>
        <source>Copy source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="97"/>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="134"/>
        <source>Save as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="99"/>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="135"/>
        <source>Save as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="111"/>
        <source>Diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="129"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="136"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DictationButton</name>
    <message>
        <location filename="../../desktop/ui/dictation/button.py" line="47"/>
        <source>● {0}  Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/button.py" line="48"/>
        <source>Recording {0}: click to stop and transcribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/button.py" line="51"/>
        <location filename="../../desktop/ui/dictation/button.py" line="52"/>
        <source>Transcribing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/button.py" line="56"/>
        <source>Dictate: record speech and type it at the cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/button.py" line="58"/>
        <source>Stop recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/button.py" line="58"/>
        <source>Dictate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DictationController</name>
    <message>
        <location filename="../../desktop/ui/dictation/controller.py" line="54"/>
        <source>Dictation settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/controller.py" line="79"/>
        <source>Pick a model first: dictation uses its provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/controller.py" line="116"/>
        <source>Nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/controller.py" line="135"/>
        <source>No speech was heard in the recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/controller.py" line="152"/>
        <location filename="../../desktop/ui/dictation/controller.py" line="155"/>
        <source>Dictation failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DictationSettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/dictation/settings_dialog.py" line="28"/>
        <source>Dictation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/settings_dialog.py" line="31"/>
        <source>The conversation&apos;s provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/settings_dialog.py" line="37"/>
        <source>Detected (or a code such as en, de, zh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/settings_dialog.py" line="38"/>
        <source>The recording goes to the provider&apos;s /audio/transcriptions; the text is typed at the composer&apos;s cursor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/settings_dialog.py" line="41"/>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/settings_dialog.py" line="42"/>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/settings_dialog.py" line="43"/>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentChip</name>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="85"/>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="88"/>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="88"/>
        <source>{0} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="90"/>
        <source>{0} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="91"/>
        <source>{0} · ≈{1} tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="101"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="102"/>
        <source>Remove {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="105"/>
        <source>Reading {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="106"/>
        <source>Reading {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="108"/>
        <source>{0}
{1}, {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="110"/>
        <source>Document {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentRefusal</name>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="29"/>
        <source>{0} is protected by a password; remove the password and attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="32"/>
        <source>{0} cannot be read: the file is damaged or incomplete ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="35"/>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="37"/>
        <source>{0} cannot be attached: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="42"/>
        <source>it is a scan without a text layer, and {0} is not known to read images; choose a vision model to send its pages as images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="45"/>
        <source>the chosen model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="50"/>
        <source>it has no text layer, and its page images are in a format that cannot be extracted (only JPEG and 8-bit grey or RGB scans can).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeRunner</name>
    <message>
        <location filename="../../desktop/ui/exchange_runner.py" line="191"/>
        <source>The images could not be stored: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_runner.py" line="304"/>
        <source>Waiting for the provider ({0})… retry {1} of {2} in {3} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileStrip</name>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="86"/>
        <source>Attached files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="107"/>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="108"/>
        <source>{0} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="166"/>
        <source>Open {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileTable</name>
    <message>
        <location filename="../../desktop/ui/knowledge/file_table.py" line="45"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/file_table.py" line="45"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/file_table.py" line="45"/>
        <source>Chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/file_table.py" line="46"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/file_table.py" line="57"/>
        <source>Indexed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/file_table.py" line="57"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/file_table.py" line="58"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FluxForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="162"/>
        <source>Flux — Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="165"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="166"/>
        <source>A macro photo of frost on a leaf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="167"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="168"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="174"/>
        <source>Choose a Flux model.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="38"/>
        <source>Extend the video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="39"/>
        <source>Luma continues “%1” from its last frame. Describe what happens next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="42"/>
        <source>Continue the song</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="43"/>
        <source>Suno continues “%1” from the second you choose. Describe (or write the lyrics of) what comes next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="54"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="60"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="63"/>
        <source>Continue at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="68"/>
        <source>Extend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="68"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormulaViewer</name>
    <message>
        <location filename="../../desktop/ui/chat_view/formula_viewer.py" line="31"/>
        <source>Formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/formula_viewer.py" line="47"/>
        <source>Copy LaTeX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/formula_viewer.py" line="50"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuiSession</name>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="49"/>
        <source>Replies cut off by the last exit were kept and marked as interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="138"/>
        <location filename="../../desktop/ui/gui_session.py" line="172"/>
        <source>Nothing was restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="145"/>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="146"/>
        <source>Closing the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="169"/>
        <source>Restored the history from %1. The history before it was saved as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="174"/>
        <source>Restore cancelled: the history was not changed.</source>
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
        <source>Switch between the chats and the Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="36"/>
        <source>Focus the composer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="37"/>
        <source>This help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="38"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="45"/>
        <location filename="../../desktop/ui/help_dialog.py" line="52"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="48"/>
        <source>keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="53"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="53"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTools</name>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="74"/>
        <location filename="../../desktop/ui/history_tools.py" line="79"/>
        <source>Import conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="75"/>
        <source>Conversations (*.json *.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/history_tools.py" line="84"/>
        <source>Imported %n conversation(s).</source>
        <translation>
            <numerusform>Imported %n conversation.</numerusform>
            <numerusform>Imported %n conversations.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="89"/>
        <source>Import cancelled: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="103"/>
        <location filename="../../desktop/ui/history_tools.py" line="110"/>
        <source>Export all conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="104"/>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/history_tools.py" line="120"/>
        <source>Exported %n conversation(s) to %1</source>
        <translation>
            <numerusform>Exported %n conversation to %1</numerusform>
            <numerusform>Exported %n conversations to %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="125"/>
        <source>Export cancelled: no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="139"/>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="144"/>
        <source>Backed up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="148"/>
        <source>Backup cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="185"/>
        <location filename="../../desktop/ui/history_tools.py" line="207"/>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="186"/>
        <source>This file cannot be restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="194"/>
        <source>an unknown number of conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/history_tools.py" line="195"/>
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n conversation</numerusform>
            <numerusform>%n conversations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/history_tools.py" line="196"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="199"/>
        <source>Replace the whole current history ({current}) with the backup {name} ({backup})?

The current history is first saved as a backup in {folder}, so nothing is lost. Replies still streaming are stopped, and the window reopens on the restored history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="210"/>
        <source>Replace the history</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageEditController</name>
    <message>
        <location filename="../../desktop/ui/image_edit/controller.py" line="61"/>
        <location filename="../../desktop/ui/image_edit/controller.py" line="117"/>
        <source>Variations of this image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/controller.py" line="69"/>
        <source>The image file is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/controller.py" line="79"/>
        <source>The image could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/controller.py" line="83"/>
        <source>Add a provider first (Providers…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/controller.py" line="113"/>
        <source>Wait for the reply in progress to finish, then edit the image again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/controller.py" line="115"/>
        <source>Making variations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/controller.py" line="115"/>
        <source>Editing image…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageEditDialog</name>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="144"/>
        <source>Image variations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="145"/>
        <source>Make variations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="146"/>
        <source>New images like this one; they arrive in the conversation as a reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="149"/>
        <source>Edit image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="150"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="151"/>
        <source>Paint over what should change, then describe the change. Without paint the whole image may change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="153"/>
        <source>Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="154"/>
        <source>Eraser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="155"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="156"/>
        <source>Brush size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="157"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="158"/>
        <source>Image with the areas to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="159"/>
        <source>Describe the change, e.g. “a red hat”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="160"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="161"/>
        <source>&amp;Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="161"/>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="162"/>
        <source>&amp;Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="162"/>
        <source>Si&amp;ze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="178"/>
        <source>Describe the change first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="181"/>
        <source>Pick a provider and a model.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageGenerationController</name>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="85"/>
        <source>Describe the image to generate first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="87"/>
        <source>Type what the image should show after /image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="95"/>
        <source>Image generation does not use the attached images; they stay for your next chat message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="176"/>
        <source>Pick an image model (one with the [image] badge, e.g. dall-e-3) in the model picker at the top (Ctrl+M); your prompt is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="217"/>
        <source>Generating image…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageMode</name>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="196"/>
        <source>Image mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="197"/>
        <source>Image mode: Send generates images from the text (or type /image and a prompt)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageOptionsRow</name>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="94"/>
        <source>Image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="95"/>
        <source>Image size (auto: the model&apos;s default, not sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="96"/>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="97"/>
        <source>custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="98"/>
        <source>WxH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="99"/>
        <source>Custom image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="100"/>
        <source>Width x height in pixels, e.g. 1536x1024</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="101"/>
        <source>Number of images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="102"/>
        <source>How many images to generate (1–4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="103"/>
        <source>Image quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="106"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="104"/>
        <source>Image style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="107"/>
        <source>Quality (default: not sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="108"/>
        <source>Style, for models that take one (default: not sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="109"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="109"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="110"/>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="110"/>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="151"/>
        <source>The custom image size must look like 1024x1024.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImagePicker</name>
    <message>
        <location filename="../../desktop/ui/studio/image_picker.py" line="80"/>
        <source>Add image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/image_picker.py" line="81"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/image_picker.py" line="82"/>
        <source>Reference images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/image_picker.py" line="91"/>
        <source>Choose images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/image_picker.py" line="91"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/studio/image_picker.py" line="100"/>
        <source>At most %n image(s).</source>
        <translation>
            <numerusform>At most %n image.</numerusform>
            <numerusform>At most %n images.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="222"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="325"/>
        <source>Image missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="382"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="383"/>
        <source>Save image as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="384"/>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="386"/>
        <source>Edit image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="387"/>
        <source>Variations…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="37"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="43"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="52"/>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="53"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="74"/>
        <source>The image could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="105"/>
        <source>Save image as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="106"/>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KbActions</name>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="58"/>
        <source>Knowledge bases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="92"/>
        <source>Delete knowledge base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="93"/>
        <source>Delete {0} and its index? The files it read are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="96"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="116"/>
        <source>Add files to the knowledge base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="117"/>
        <source>Documents ({0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="122"/>
        <source>Add a folder to the knowledge base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="176"/>
        <source>Rebuild index</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KbChoiceButton</name>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_choice_button.py" line="78"/>
        <source>Knowledge bases searched for each message: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_choice_button.py" line="80"/>
        <source>Knowledge bases: none attached to this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_choice_button.py" line="81"/>
        <source>Knowledge bases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_choice_button.py" line="82"/>
        <source>Knowledge bases: {0} attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_choice_button.py" line="114"/>
        <source>No knowledge bases yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_choice_button.py" line="117"/>
        <source>{0}  ({1} chunks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_choice_button.py" line="124"/>
        <source>Manage knowledge bases…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KbSourceChips</name>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="137"/>
        <source>Knowledge base sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="164"/>
        <source>p. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="228"/>
        <source>From your knowledge bases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="267"/>
        <source>Show passage {0} from {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyPromptDialog</name>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="143"/>
        <source>API key for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="144"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="145"/>
        <source>Paste the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="146"/>
        <source>Save it in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyringProblemDialog</name>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="78"/>
        <source>The key could not be stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="80"/>
        <source>The key for &lt;b&gt;%1&lt;/b&gt; was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="83"/>
        <source>Switchboard never writes keys to its own files. Choose how to go on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="86"/>
        <source>Keep the key in memory for this session only (asked again next start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="88"/>
        <source>Read the key from an environment variable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="89"/>
        <source>Environment variable name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="91"/>
        <location filename="../../desktop/ui/key_prompt.py" line="107"/>
        <source>Enter a variable name (letters, digits and _).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KindForm</name>
    <message>
        <location filename="../../desktop/ui/studio/form_base.py" line="99"/>
        <source>Write a prompt first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_base.py" line="101"/>
        <source>The prompt is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KnowledgeDialog</name>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="205"/>
        <source>Knowledge bases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="207"/>
        <source>A knowledge base is a set of files and folders. Attach one to a conversation (the Knowledge button by the message box): each message then brings the passages closest to it, and the reply shows them as numbered sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="210"/>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="211"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="212"/>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="213"/>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="214"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="215"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="216"/>
        <source>Index new and changed files again, and drop the ones removed from disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="218"/>
        <source>Change model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="219"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="220"/>
        <source>&amp;Passages per message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="221"/>
        <source>Least &amp;similarity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="223"/>
        <source>Passages less similar to the message than this are not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="294"/>
        <source>Indexing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="295"/>
        <source>Indexing… {0} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="297"/>
        <source>{0} files · {1} chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="302"/>
        <source>{0} files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="303"/>
        <source>{0} chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="305"/>
        <source>chunks of {0} tokens, {1} overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="309"/>
        <source>last indexed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="311"/>
        <source>not indexed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="313"/>
        <source>{0} files could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="320"/>
        <source>No knowledge base yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="321"/>
        <source>Create one, then add the files it should know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="437"/>
        <source>The part already indexed is kept; Refresh goes on from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="439"/>
        <source>Indexing was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="442"/>
        <source>Indexing stopped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="447"/>
        <source>Up to date: {0} files indexed, {1} chunks added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="450"/>
        <source>{0} removed files dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="452"/>
        <source>The index was rebuilt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="454"/>
        <source>{0} files were left out: too many files, or too large (50 MB a file, 4 GB in all).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KnowledgeWiring</name>
    <message>
        <location filename="../../desktop/ui/knowledge/wiring.py" line="111"/>
        <source>Indexing {0} stopped: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/wiring.py" line="227"/>
        <source>No application opens {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/wiring.py" line="230"/>
        <source>{0} cannot be opened: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LargeDocumentQuestion</name>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="77"/>
        <source>Attach a large document?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="78"/>
        <source>{0} is about {1} tokens; the limit is {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="81"/>
        <source>The model may refuse it or cut it off, and every message of this conversation will send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="83"/>
        <source>Attach anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="84"/>
        <source>Remove it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LumaForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="123"/>
        <source>Luma — Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="126"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="127"/>
        <source>A paper boat drifting down a rainy street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="128"/>
        <source>Aspect ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="129"/>
        <source>Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="130"/>
        <source>End where it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="131"/>
        <source>Expand prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="132"/>
        <source>Let Luma enrich the prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="133"/>
        <source>Start frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="134"/>
        <source>End frame</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="175"/>
        <source>Opening history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="265"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="266"/>
        <source>&amp;New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="267"/>
        <source>&amp;Import conversations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="268"/>
        <source>&amp;Export conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="269"/>
        <source>Export &amp;all conversations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="270"/>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="271"/>
        <source>&amp;Restore from backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="272"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="273"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="274"/>
        <source>&amp;Search history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="275"/>
        <source>Show or hide the si&amp;debar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="276"/>
        <source>Show or hide the &amp;parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="277"/>
        <source>&amp;Usage and costs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="278"/>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="279"/>
        <location filename="../../desktop/ui/main_window.py" line="291"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="279"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="280"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="283"/>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="284"/>
        <source>&amp;Enter sends the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="285"/>
        <source>&amp;Providers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="286"/>
        <source>&amp;Tools (MCP servers)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="287"/>
        <source>&amp;Knowledge bases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="288"/>
        <source>Read &amp;aloud…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="289"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="294"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="295"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="296"/>
        <source>&amp;About Switchboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="329"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="336"/>
        <source>The history is still opening. Your message is kept in the composer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="349"/>
        <source>Read-only: nothing can be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="362"/>
        <source>The history could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="472"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <location filename="../../desktop/ui/message_actions.py" line="36"/>
        <source>Copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/message_actions.py" line="43"/>
        <source>Stop the reply before deleting messages.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageCost</name>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="36"/>
        <source>Cost: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="40"/>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="41"/>
        <source>Cached input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="42"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="43"/>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="45"/>
        <source>{0}: {1} tokens × {2}/M = {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="55"/>
        <source>Prices: set for this provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="57"/>
        <source>Prices: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="60"/>
        <source>Provider multiplier: ×{0:g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="64"/>
        <source>Exchange rate: {0:g} {1} per USD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="67"/>
        <source>Estimated: the provider sent no token counts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="184"/>
        <source>Previous version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="185"/>
        <source>Next version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="186"/>
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
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="189"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="190"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="191"/>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="192"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="193"/>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="466"/>
        <source>Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="213"/>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="353"/>
        <source>Thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="355"/>
        <source>Thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="376"/>
        <source>The request failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="379"/>
        <source>The reply was interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="382"/>
        <source>Stopped. Continue picks up where it ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/footer.py" line="19"/>
        <source>{0} in · {1} out tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/footer.py" line="26"/>
        <source>first token {0:.2f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/footer.py" line="29"/>
        <source>{0:.1f} tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="466"/>
        <source>Stop reading</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MicrophoneRecorder</name>
    <message>
        <location filename="../../desktop/ui/dictation/recorder.py" line="94"/>
        <source>Dictation needs QtMultimedia, which does not load here ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/recorder.py" line="97"/>
        <source>No microphone was found. Connect one (or enable it in the system&apos;s sound settings) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/recorder.py" line="113"/>
        <source>Switchboard may not use the microphone. Allow it in {0}, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/recorder.py" line="117"/>
        <source>Allow Switchboard to use the microphone, then press the microphone button again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/recorder.py" line="147"/>
        <source>The microphone could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/recorder.py" line="174"/>
        <source>The microphone stopped working ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MjBlendForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="83"/>
        <source>Midjourney — Blend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="86"/>
        <source>Images (2–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="87"/>
        <source>Shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="88"/>
        <source>Bot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="93"/>
        <source>Blend needs two to five images.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MjDescribeForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="112"/>
        <source>Midjourney — Describe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="115"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="116"/>
        <source>Bot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="121"/>
        <source>Choose the image to describe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MjImagineForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="48"/>
        <source>Midjourney — Imagine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="51"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="52"/>
        <source>Bot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="53"/>
        <source>Aspect ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="54"/>
        <source>Reference images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="55"/>
        <source>A lighthouse at dusk, oil painting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MjShortenForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="141"/>
        <source>Midjourney — Shorten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="144"/>
        <source>Prompt to shorten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="145"/>
        <source>Bot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="147"/>
        <source>A long prompt: Midjourney answers five shorter ones</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MjSwapForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="169"/>
        <source>Midjourney — FaceSwap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="172"/>
        <source>Face (source image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="173"/>
        <source>Put it on (target image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="178"/>
        <source>Choose the face image and the image to put it on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MjUploadForm</name>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="98"/>
        <source>Midjourney — Upload images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="102"/>
        <source>Upload images to the relay and get their addresses, to start a prompt with them or to use them as references. An upload makes no task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="104"/>
        <source>Images (1–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="105"/>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="106"/>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="107"/>
        <source>Upload the images (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="108"/>
        <source>Copy addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="109"/>
        <source>Use in Imagine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="110"/>
        <source>Start the Imagine prompt with these addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="111"/>
        <source>Uploaded image addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="120"/>
        <source>Choose the images to upload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="124"/>
        <source>An upload makes no task: press Upload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="144"/>
        <source>The relay sent no usable image addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="165"/>
        <source>Copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="175"/>
        <source>Uploading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModalInputDialog</name>
    <message>
        <location filename="../../desktop/ui/studio/modal_dialog.py" line="31"/>
        <source>Midjourney needs more input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/modal_dialog.py" line="35"/>
        <source>“%1” waits for a prompt before it goes on (Custom Zoom, Vary Region and similar buttons ask for one). Edit it and send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/modal_dialog.py" line="50"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelForm</name>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="214"/>
        <source>Change the embedding model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="216"/>
        <source>Vectors of different models cannot be compared: every file is embedded again with the new model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="218"/>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="219"/>
        <source>Embedding &amp;model:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelList</name>
    <message>
        <location filename="../../desktop/ui/model_list.py" line="118"/>
        <source>Section %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_list.py" line="122"/>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_list.py" line="124"/>
        <source>favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_list.py" line="128"/>
        <source>Use typed name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="90"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="180"/>
        <source>Choose the model (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="176"/>
        <source>No provider yet — add one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="178"/>
        <source>Choose a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="188"/>
        <source>%1 on %2 %3 — click to change (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="237"/>
        <source>Loading models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="245"/>
        <source> Showing the list from %1 h ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="234"/>
        <source>Could not load models: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelPopup</name>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="81"/>
        <source>Search models, or type a model name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="82"/>
        <source>Search models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="83"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="84"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="85"/>
        <source>Refresh model lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="86"/>
        <source>Fetch every provider&apos;s model list again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/model_popup.py" line="87"/>
        <location filename="../../desktop/ui/model_popup.py" line="111"/>
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="185"/>
        <source>Remove from favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="185"/>
        <source>Add to favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="188"/>
        <source>Capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="190"/>
        <source>Vision (image input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="191"/>
        <source>Reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="192"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="193"/>
        <source>Image generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="204"/>
        <source>Use the known defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="207"/>
        <source>Forget this hand-typed model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParameterFields</name>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="18"/>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="19"/>
        <source>Top P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="20"/>
        <source>Max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="21"/>
        <source>Presence penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="22"/>
        <source>Frequency penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="23"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="24"/>
        <source>Choices (n)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="25"/>
        <source>Stop sequences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="26"/>
        <source>Logit bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="27"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="37"/>
        <source>-2 to 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="38"/>
        <source>whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="39"/>
        <source>one per line, up to 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="42"/>
        <source>end-user id for abuse monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="51"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="55"/>
        <source>Provider default — e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="62"/>
        <source>%1 (%2). Leave empty to use the provider&apos;s default.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="215"/>
        <source>SYSTEM PROMPT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="216"/>
        <source>You are a helpful assistant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="217"/>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="218"/>
        <source>SAMPLING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="220"/>
        <source>RESPONSE FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="221"/>
        <source>Response format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="222"/>
        <source>Provider default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="222"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="222"/>
        <source>JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="223"/>
        <location filename="../../desktop/ui/parameter_panel.py" line="226"/>
        <source>JSON schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="227"/>
        <source>Empty fields are not sent: the provider&apos;s default applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="202"/>
        <source>PARAMETERS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="203"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="204"/>
        <source>Unset every parameter (provider defaults)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="205"/>
        <source>Reset parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="206"/>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="207"/>
        <source>Load a preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="208"/>
        <source>Preset actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="209"/>
        <source>Save, rename or delete presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="210"/>
        <source>Save as preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="211"/>
        <source>Rename preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="212"/>
        <location filename="../../desktop/ui/parameter_panel.py" line="467"/>
        <source>Delete preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="213"/>
        <source>Use as defaults for this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="214"/>
        <source>Forget this model&apos;s defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="307"/>
        <source>Also sent (set elsewhere): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="368"/>
        <source>Presets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="375"/>
        <source>%1 (built-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="411"/>
        <source>Use as defaults for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="436"/>
        <source>Preset name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="441"/>
        <source>Save preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="447"/>
        <source>Replace preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="448"/>
        <source>A preset named “%1” exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="458"/>
        <source>Rename preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="467"/>
        <source>Delete the preset “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassageDialog</name>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="367"/>
        <source>Source {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="370"/>
        <source>Knowledge base: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="372"/>
        <source>page {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="373"/>
        <source>similarity {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="375"/>
        <source>Open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="377"/>
        <source>Open {0} with the system viewer</source>
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
    <name>ProgressDialog</name>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="39"/>
        <source>Reading the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="40"/>
        <source>Checking the conversations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="41"/>
        <source>Saving the conversations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="42"/>
        <source>Copying the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="43"/>
        <source>Writing the export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="44"/>
        <source>Pricing the replies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="76"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderBalance</name>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="56"/>
        <source>Refresh balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="58"/>
        <location filename="../../desktop/ui/provider_balance.py" line="75"/>
        <source>Balance: not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="73"/>
        <location filename="../../desktop/ui/provider_balance.py" line="116"/>
        <source>Balance: not offered by this provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="91"/>
        <source>Balance: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="113"/>
        <source>Balance: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="118"/>
        <source>Balance: failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderCostFields</name>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="131"/>
        <source>Price multiplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="131"/>
        <source>Billing currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="132"/>
        <source>Per-model prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="132"/>
        <source>Low balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="135"/>
        <source>The relay charges this multiple of the official price (e.g. × 0.5, × 1.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="137"/>
        <source>per USD:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="138"/>
        <source>How many units of this currency one US dollar buys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="140"/>
        <source>Prices for models the price data does not know, per 1M tokens in the billing currency: “model = input, output[, cached input[, reasoning]]”, one a line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="142"/>
        <source>Warn below</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderForm</name>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="239"/>
        <source>Provider name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="291"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="240"/>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="292"/>
        <source>Base &amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="241"/>
        <source>API style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="293"/>
        <source>API &amp;style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="242"/>
        <source>Where the key comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="245"/>
        <source>System keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="246"/>
        <source>Environment variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="247"/>
        <source>No key (local server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="294"/>
        <source>&amp;Key from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="251"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="374"/>
        <location filename="../../desktop/ui/provider_form.py" line="384"/>
        <source>Paste the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="252"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="253"/>
        <source>Show the key while typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="295"/>
        <source>API &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="254"/>
        <source>Environment variable name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="296"/>
        <source>&amp;Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="257"/>
        <source>Connection options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="258"/>
        <source>Show connection options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="259"/>
        <source>Prices and balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="260"/>
        <source>Show prices and balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="261"/>
        <source>Ask for token usage in streams (stream_options)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="263"/>
        <source>Some relays reject stream_options; turn this off for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="265"/>
        <source>Send PDFs natively</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="267"/>
        <source>Attached PDFs go to the model as files (OpenAI file part, Anthropic document, Responses input_file) instead of their extracted text. Only for gateways and models that read PDFs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="270"/>
        <location filename="../../desktop/ui/provider_form.py" line="297"/>
        <source>Extra headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="271"/>
        <location filename="../../desktop/ui/provider_form.py" line="298"/>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="273"/>
        <source>System / environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="273"/>
        <source>No proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="273"/>
        <source>This proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="276"/>
        <source>Proxy URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="277"/>
        <source>Verify TLS certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="278"/>
        <source>Custom CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="279"/>
        <source>System trust store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="280"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="281"/>
        <source>Choose a CA bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="285"/>
        <source>How image sizes are written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="299"/>
        <location filename="../../desktop/ui/provider_form.py" line="474"/>
        <source>CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="282"/>
        <location filename="../../desktop/ui/provider_form.py" line="300"/>
        <source>Connect timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="283"/>
        <location filename="../../desktop/ui/provider_form.py" line="301"/>
        <source>Read timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="284"/>
        <location filename="../../desktop/ui/provider_form.py" line="302"/>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="255"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="256"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="303"/>
        <source>Task APIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="304"/>
        <source>Image sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="373"/>
        <source>Checking the system keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="377"/>
        <source>A key is stored in the system keyring. Paste a new one to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="379"/>
        <source>(stored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="382"/>
        <source>Stored only in the system keyring, never in Switchboard&apos;s files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="467"/>
        <source>Enter the gateway&apos;s base URL, usually ending in /v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="469"/>
        <source>Chat requests go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="476"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderWiring</name>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="273"/>
        <source>The key for %1 is in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="276"/>
        <source>%2 The key for %1 is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="280"/>
        <source>The key for %1 is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="284"/>
        <source>Send again to use it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvidersDialog</name>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="123"/>
        <location filename="../../desktop/ui/providers_dialog.py" line="144"/>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="122"/>
        <source>PROVIDERS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="124"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="126"/>
        <source>Add a provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="147"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="140"/>
        <source>Remove the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="142"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="143"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="147"/>
        <source>No provider yet. Use “Add” to start from a template: cloud APIs, relay gateways such as MaxAPI, ModelMax or MaxToken, or a local server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="151"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="152"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="129"/>
        <source>Cloud APIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="130"/>
        <source>Relay gateways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="131"/>
        <source>Local servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="43"/>
        <source>%1 (new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="236"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="237"/>
        <source>Save the changes to this provider?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="309"/>
        <source>Replace the example base URL with your gateway&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="346"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="359"/>
        <source>Storing the key in the system keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="369"/>
        <source>Saved; the key is in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="378"/>
        <source>The key was not kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="383"/>
        <source>The key is kept in memory until Switchboard quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="388"/>
        <source>The key will be read from the environment variable %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="421"/>
        <source>Remove %1? Its key is deleted from the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="424"/>
        <source>Remove provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="437"/>
        <source>The provider was removed, but its key could not be deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="461"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/providers_dialog.py" line="490"/>
        <source>Connected. %n model(s) available</source>
        <translation>
            <numerusform>Connected. %n model available</numerusform>
            <numerusform>Connected. %n models available</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="498"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="169"/>
        <location filename="../../desktop/ui/read_aloud.py" line="173"/>
        <source>Read aloud failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="171"/>
        <source>This reply has no text to read aloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="180"/>
        <source>This reply is long: only its first part is read aloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="190"/>
        <source>Audio cannot be played here (QtMultimedia does not load: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="193"/>
        <source>There is no audio output on this system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="196"/>
        <source>This installation plays only WAV audio, and the provider sent %1. Choose WAV in the read-aloud settings to listen here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="227"/>
        <source>The audio could not be played: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="252"/>
        <source>The audio was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="255"/>
        <source>Audio saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="261"/>
        <source>Save audio — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="262"/>
        <source>Audio (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplyExtras</name>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="83"/>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="87"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="85"/>
        <source>The model declined to answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="112"/>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="169"/>
        <source>{0} cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="172"/>
        <source>{0} reasoning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="194"/>
        <source>Token usage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="34"/>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="40"/>
        <source>Choose the backup to restore. The current history is saved as a backup first, so a restore can itself be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="56"/>
        <source>No backups yet in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="62"/>
        <source>Choose a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="64"/>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="89"/>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="89"/>
        <source>made by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="90"/>
        <source>saved before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/restore_dialog.py" line="95"/>
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n conversation</numerusform>
            <numerusform>%n conversations</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="107"/>
        <source>Restore from a backup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="108"/>
        <source>Switchboard backups (*.sqlite3 *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="67"/>
        <source>Reroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="68"/>
        <source>Upscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="69"/>
        <source>Vary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="70"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="71"/>
        <source>Pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="209"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="210"/>
        <source>the server gave no reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="258"/>
        <source>Click to see it at full size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="266"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="292"/>
        <location filename="../../desktop/ui/studio/result_card.py" line="355"/>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="294"/>
        <location filename="../../desktop/ui/studio/result_card.py" line="359"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="295"/>
        <source>Open with the system&apos;s player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="302"/>
        <source>Continue from…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="303"/>
        <source>Make a new song that continues this clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="324"/>
        <source>Use this prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="325"/>
        <source>Put it into the Imagine form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="357"/>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="360"/>
        <source>Open with the system&apos;s image viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="366"/>
        <source>Extend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="367"/>
        <source>Continue the video with a new prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="371"/>
        <source>Give the input…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="376"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="379"/>
        <source>Re-run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="380"/>
        <source>Submit again with the same prompt and options</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultFiles</name>
    <message>
        <location filename="../../desktop/ui/studio/result_files.py" line="69"/>
        <source>The file could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_files.py" line="74"/>
        <source>The image could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_files.py" line="90"/>
        <source>No program is set up to open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_files.py" line="94"/>
        <source>The file could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RichTextView</name>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="48"/>
        <source>Open image address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="49"/>
        <source>The reply names this image. Switchboard does not load images from replies.

{0}

Open it with the system&apos;s default application?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="223"/>
        <source>Scaled down to fit. Click to see it at full size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="380"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="382"/>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="390"/>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="392"/>
        <source>Copy image address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="397"/>
        <source>Copy link address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="403"/>
        <source>Copy LaTeX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="404"/>
        <source>Copy as MathML</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchResultsView</name>
    <message>
        <location filename="../../desktop/ui/search_results.py" line="326"/>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionTabs</name>
    <message>
        <location filename="../../desktop/ui/studio/section_tabs.py" line="38"/>
        <source>Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/section_tabs.py" line="39"/>
        <source>Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/section_tabs.py" line="41"/>
        <source>Midjourney, Suno, Luma and Flux tasks (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendEstimate</name>
    <message>
        <location filename="../../desktop/ui/send_estimate.py" line="77"/>
        <source>An estimate of what the next request sends: the conversation so far (%1 tokens), the system prompt, your text and attachments. The reply&apos;s tokens are not included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/send_estimate.py" line="83"/>
        <source>≈ %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/send_estimate.py" line="85"/>
        <location filename="../../desktop/ui/send_estimate.py" line="88"/>
        <source>(estimate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/send_estimate.py" line="86"/>
        <source>≈ %1 input</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerFormDialog</name>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="46"/>
        <source>Add an MCP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="54"/>
        <source>e.g. time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="55"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="57"/>
        <source>A command on this computer (stdio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="58"/>
        <source>A URL (Streamable HTTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="59"/>
        <source>&amp;Runs as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="68"/>
        <source>&amp;Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="70"/>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="71"/>
        <source>&amp;Working directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="73"/>
        <source>KEY=VALUE, one per line (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="75"/>
        <source>&amp;Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="76"/>
        <source>The server sees only these variables and a safe minimum (PATH, HOME…), never your providers&apos; keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="86"/>
        <source>&amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="89"/>
        <source>optional; kept in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="90"/>
        <source>Bearer &amp;token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="110"/>
        <source>A server named %1 exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="116"/>
        <source>The command cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="119"/>
        <source>Enter the command that starts the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="105"/>
        <source>New conversation (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="106"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="107"/>
        <source>Search  (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="108"/>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="109"/>
        <source>No conversations yet.
Start one with Ctrl+N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="122"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="139"/>
        <source>No matches for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="148"/>
        <source>Search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SidebarActions</name>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="80"/>
        <source>New folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="81"/>
        <location filename="../../desktop/ui/sidebar_actions.py" line="95"/>
        <source>Folder name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="94"/>
        <source>Rename folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="109"/>
        <source>Export conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="111"/>
        <source>Markdown (*.md);;HTML (*.html);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="129"/>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="155"/>
        <source>Conversation deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeechPlayer</name>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="88"/>
        <source>the WAV file could not be decoded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeechSettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="44"/>
        <source>Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="47"/>
        <source>The conversation&apos;s provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="56"/>
        <source>WAV plays everywhere; other formats need a media backend (installs from pip have one, the bundle does not).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="59"/>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="60"/>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="60"/>
        <source>Voice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="61"/>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudioForm</name>
    <message>
        <location filename="../../desktop/ui/studio/form_panel.py" line="129"/>
        <source>NEW TASK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_panel.py" line="118"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_panel.py" line="119"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_panel.py" line="120"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_panel.py" line="121"/>
        <source>Send the task (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_panel.py" line="129"/>
        <source>UPLOAD IMAGES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_panel.py" line="220"/>
        <source>No provider offers %1 yet. Turn it on in Settings → Providers → Connection options → Task APIs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudioSidebarPage</name>
    <message>
        <location filename="../../desktop/ui/studio/sidebar_page.py" line="49"/>
        <source>CREATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/sidebar_page.py" line="50"/>
        <source>Images, blends, descriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/sidebar_page.py" line="51"/>
        <source>Songs and instrumentals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/sidebar_page.py" line="52"/>
        <source>Short videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/sidebar_page.py" line="53"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/studio/sidebar_page.py" line="67"/>
        <source>%n task(s) running</source>
        <translation>
            <numerusform>%n task running</numerusform>
            <numerusform>%n tasks running</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudioView</name>
    <message>
        <location filename="../../desktop/ui/studio/studio_view.py" line="138"/>
        <source>Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/studio_view.py" line="139"/>
        <source>QUEUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/studio_view.py" line="140"/>
        <source>No tasks yet. Describe what you want on the left and press Create.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/studio_view.py" line="142"/>
        <source>Choose a task to see its results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/studio/studio_view.py" line="187"/>
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SunoForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="65"/>
        <source>Suno — Music</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="68"/>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="69"/>
        <source>A description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="70"/>
        <source>Custom lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="71"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="72"/>
        <source>Style tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="73"/>
        <source>dream pop, female vocals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="74"/>
        <source>Instrumental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="75"/>
        <source>No vocals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="76"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="81"/>
        <source>Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="81"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="83"/>
        <source>[Verse]
…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="83"/>
        <source>A calm song about the sea at night</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskApiDetector</name>
    <message>
        <location filename="../../desktop/ui/studio/task_api_detect.py" line="42"/>
        <source>Asking %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskApiFields</name>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="76"/>
        <source>Midjourney speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="77"/>
        <source>Flux model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="78"/>
        <source>The relay&apos;s default (no prefix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="79"/>
        <source>Relax (/mj-relax/)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="80"/>
        <source>Fast (/mj-fast/)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="81"/>
        <source>Turbo (/mj-turbo/)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="84"/>
        <source>The aggregator task APIs this provider offers (Studio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="85"/>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="86"/>
        <source>Ask the provider which task APIs it answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="119"/>
        <source>Found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="120"/>
        <source>No task API answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="125"/>
        <source>Detection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskQueueView</name>
    <message>
        <location filename="../../desktop/ui/studio/queue_view.py" line="171"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/queue_view.py" line="173"/>
        <source>Re-run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/queue_view.py" line="175"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Thumbnail</name>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="124"/>
        <source>The image could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeChart</name>
    <message>
        <location filename="../../desktop/ui/usage/charts.py" line="166"/>
        <source>%1 · %2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolCard</name>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="143"/>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="144"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="145"/>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="146"/>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="147"/>
        <source>Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="148"/>
        <source>Always allow this tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="170"/>
        <source>tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="174"/>
        <source>Tool call {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="208"/>
        <source>Waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="209"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="210"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="211"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="212"/>
        <source>Denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="213"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="214"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="219"/>
        <source>Running · {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolChoiceButton</name>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="56"/>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="58"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="56"/>
        <source>Tools · {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="57"/>
        <source>Tools the model may call in this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="59"/>
        <source>Tools: {0} servers on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="87"/>
        <source>No MCP servers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="98"/>
        <source>Manage servers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="102"/>
        <source>Tools of {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolTurns</name>
    <message>
        <location filename="../../desktop/ui/tool_exchange.py" line="184"/>
        <source>None of the chosen tools is available: sending without tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tool_exchange.py" line="206"/>
        <source>Send without tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tool_exchange.py" line="305"/>
        <source>“Always allow” could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolsDialog</name>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="74"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="343"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="85"/>
        <source>MCP servers give models tools. Nothing runs without your approval: each call is shown with its arguments first, unless you chose “Always allow” for that tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="102"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="103"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="105"/>
        <source>Servers from an mcp.json or claude_desktop_config.json file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="106"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="423"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="132"/>
        <source>Use this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="133"/>
        <source>Start and list tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="141"/>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="141"/>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="142"/>
        <source>Always allow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="151"/>
        <source>Select a tool to see what it does and the arguments it takes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="200"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="210"/>
        <source>Turned off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="201"/>
        <source>Not running — starts when a model first needs it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="202"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="208"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="202"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="209"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="203"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="299"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="208"/>
        <source>Not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="209"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="235"/>
        <source>No MCP server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="236"/>
        <source>Add one by its command or URL, or import the mcp.json you already use with another client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="243"/>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="243"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="258"/>
        <source>Start the server to see its tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="359"/>
        <source>The token of %1 was not stored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="389"/>
        <source>Import MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="390"/>
        <source>MCP configuration (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="419"/>
        <source>Remove MCP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="420"/>
        <source>Remove %1? Its token, if any, is deleted from the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="100"/>
        <location filename="../../desktop/ui/main_window.py" line="101"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="102"/>
        <source>Undo (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsageTools</name>
    <message>
        <location filename="../../desktop/ui/usage/tools.py" line="66"/>
        <source>Recalculate costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tools.py" line="67"/>
        <source>Price every reply again with today&apos;s prices and each provider&apos;s overrides? The prices they were sent with are replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tools.py" line="73"/>
        <source>Recalculating costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tools.py" line="81"/>
        <source>Priced %1 of %2 replies again with today&apos;s prices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tools.py" line="89"/>
        <source>Recalculating stopped: the replies done so far keep their new prices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tools.py" line="96"/>
        <source>The costs could not be recalculated: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsageView</name>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="58"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="59"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="60"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="61"/>
        <location filename="../../desktop/ui/usage/tables.py" line="113"/>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="62"/>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="63"/>
        <source>Output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="64"/>
        <location filename="../../desktop/ui/usage/tables.py" line="114"/>
        <source>Replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="112"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="125"/>
        <source>Double-click to open the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="130"/>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsageWindow</name>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="207"/>
        <source>Usage and costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="208"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="208"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="209"/>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="209"/>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="210"/>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="210"/>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="213"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="213"/>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="214"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="215"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="215"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="216"/>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="216"/>
        <location filename="../../desktop/ui/usage/window.py" line="226"/>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="219"/>
        <source>&amp;Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="220"/>
        <source>&amp;Per</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="221"/>
        <source>&amp;By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="222"/>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="223"/>
        <source>Costs in different currencies are never added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="224"/>
        <source>Recalculate costs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="225"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="226"/>
        <source>Total cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="227"/>
        <source>Replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="227"/>
        <source>Average per reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="230"/>
        <source>Top conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="231"/>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="286"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="303"/>
        <source>The usage could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="322"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="326"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="331"/>
        <source>Cost per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="332"/>
        <source>Cost per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="333"/>
        <source>Cost per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="334"/>
        <source>Tokens per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="335"/>
        <source>Tokens per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="336"/>
        <source>Tokens per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="342"/>
        <source>By model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="343"/>
        <source>By provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="366"/>
        <source>No replies in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="368"/>
        <source>Costs as priced when each reply was sent. Read in %1 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="376"/>
        <source>Not priced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="393"/>
        <source>Export usage as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="394"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="401"/>
        <source>The CSV could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="403"/>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisionCheck</name>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="83"/>
        <source>Send images?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="84"/>
        <source>{0} is not known to understand images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="86"/>
        <source>The provider may refuse the request or the model may ignore the images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="87"/>
        <source>Send anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="90"/>
        <source>Don&apos;t ask again for this model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WavFileRecorder</name>
    <message>
        <location filename="../../desktop/ui/dictation/recorder.py" line="73"/>
        <source>The test microphone file cannot be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="111"/>
        <source>Connect a model provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="114"/>
        <source>Switchboard talks to any OpenAI-compatible API: cloud providers, relay gateways and servers on this computer. Keys are kept in your system keyring only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="118"/>
        <source>Add a provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="119"/>
        <source>Add a provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="121"/>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="122"/>
        <source>ON THIS COMPUTER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="123"/>
        <source>Look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="124"/>
        <source>Look for local servers again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="128"/>
        <source>Looking for local servers on 127.0.0.1 (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="175"/>
        <source>No local server answered. Start Ollama, LM Studio, llama.cpp, vLLM or LiteLLM and look again, or add a provider above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="180"/>
        <source>These servers answered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="191"/>
        <source>asks for a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/welcome_view.py" line="193"/>
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="202"/>
        <source>Use it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="203"/>
        <source>Use %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Transport</name>
    <message>
        <location filename="../../desktop/ui/studio/media_players.py" line="108"/>
        <location filename="../../desktop/ui/studio/media_players.py" line="109"/>
        <source>Play or pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/media_players.py" line="110"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/media_players.py" line="159"/>
        <source>The file could not be played: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="44"/>
        <source>Choose a model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="51"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="58"/>
        <source>Remove this model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pane</name>
    <message>
        <location filename="../../desktop/ui/window_assembly.py" line="293"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../desktop/ui/studio/result_files.py" line="41"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.read_aloud</name>
    <message>
        <location filename="../../desktop/ui/read_aloud_wiring.py" line="60"/>
        <source>Choose a provider first: read aloud uses the conversation&apos;s provider.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.view</name>
    <message>
        <location filename="../../desktop/ui/studio/wiring.py" line="129"/>
        <source>clip %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <location filename="../../desktop/ui/studio/wiring.py" line="79"/>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
